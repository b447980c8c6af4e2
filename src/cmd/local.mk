# src/cmd/local.mk - the cmd layer (included by Makefile.am).
