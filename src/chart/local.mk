# src/chart/local.mk - the chart layer (included by Makefile.am).
