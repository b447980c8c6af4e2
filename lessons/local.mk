# lessons/local.mk - lesson files, installed under $(pkgdatadir)/lessons.
