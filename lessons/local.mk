# lessons/local.mk - lesson files, installed under $(pkgdatadir)/lessons.
#
# Every lesson in both languages; tests/lesson/lessons.sh checks and plays
# each one in batch mode.  Format: man/regtutor-lesson.5.  lessons/data holds
# the CSV files lessons load as $LESSONDATA/NAME.csv.

nobase_dist_pkgdata_DATA += \
	lessons/en/00-tour.lesson \
	lessons/en/01-overfitting.lesson \
	lessons/en/02-l1-l2.lesson \
	lessons/en/03-vanishing.lesson \
	lessons/en/04-normalization.lesson \
	lessons/en/05-dropout-data.lesson \
	lessons/en/06-depth.lesson \
	lessons/en/07-honest-lambda.lesson \
	lessons/ko/00-tour.lesson \
	lessons/ko/01-overfitting.lesson \
	lessons/ko/02-l1-l2.lesson \
	lessons/ko/03-vanishing.lesson \
	lessons/ko/04-normalization.lesson \
	lessons/ko/05-dropout-data.lesson \
	lessons/ko/06-depth.lesson \
	lessons/ko/07-honest-lambda.lesson \
	lessons/data/outlier.csv \
	lessons/data/outlier-far.csv
