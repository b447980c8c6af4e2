# src/lesson/local.mk - the lesson layer (included by Makefile.am).
