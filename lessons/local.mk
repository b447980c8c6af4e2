# lessons/local.mk - lesson files, installed under $(pkgdatadir)/lessons.
#
# Every lesson in both languages; tests/lesson/lessons.sh checks and plays
# each one in batch mode.  Format: man/regtutor-lesson.5.

nobase_dist_pkgdata_DATA += \
	lessons/en/00-tour.lesson \
	lessons/ko/00-tour.lesson
