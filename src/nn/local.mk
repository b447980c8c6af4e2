# src/nn/local.mk - the nn layer (included by Makefile.am).
