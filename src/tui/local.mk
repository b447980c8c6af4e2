# src/tui/local.mk - the tui layer (included by Makefile.am).
