# src/nn/local.mk - the nn layer (included by Makefile.am).
noinst_LIBRARIES += libnn.a
libnn_a_SOURCES = src/nn/nn.h src/nn/nn-internal.h src/nn/core.c \
	src/nn/net.c src/nn/train.c src/nn/data.c src/nn/diag.c src/nn/io.c
