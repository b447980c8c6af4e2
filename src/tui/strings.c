#include "config.h"
/*
 * strings.c - English and Korean UI strings of the full-screen shell.
 *
 * One row per message, both languages side by side so a missing
 * translation is visible in review.  Key names stay ASCII in both.
 */

#include <stdarg.h>
#include <string.h>

#include "tui/strings.h"
#include "util/util.h"

static const char *const table[M_COUNT][2] = {
	[M_TOO_SMALL] = { "terminal too small (need {}{}{})",
	    "터미널이 너무 작습니다 (최소 {}{}{})" },
	[M_MENU_TITLE] = { "regtutor - lessons", "regtutor - 레슨 목록" },
	[M_MENU_KEYS] = {
	    "Up/Down or number choose  Enter open  l language  ? help  q quit",
	    "Up/Down 또는 번호 선택  Enter 열기  l 언어  ? 도움말  q 끝내기" },
	[M_MENU_DONE] = { "{}/{} pages", "{}/{} 쪽" },
	[M_PAGE] = { "page {}/{}", "{}/{}쪽" },
	[M_NO_CHART] = { "no chart yet - try: train 50",
	    "아직 차트가 없습니다 - 예: train 50" },
	[M_PROMPT_HINT] = {
	    ": command  n/p page  j/k scroll  [ ] output  ? help  q quit",
	    ": 명령 입력  n/p 쪽  j/k 스크롤  [ ] 출력  ? 도움말  q 끝" },
	[M_PRESENT_HINT] = { ": command", ": 명령" },
	[M_TRAINING] = { "ep {}/{}", "ep {}/{}" },
	[M_TRAIN_HINT] = { "training - Ctrl-C stops it (the state is kept), "
	    ": next command, ? help, q quits",
	    "학습 중 - Ctrl-C 로 중지 (상태 유지), : 다음 명령, ? 도움말, "
	    "q 끝내기" },
	[M_TRAIN_QUEUED] = { "runs when the training ends: {}",
	    "학습이 끝나면 실행합니다: {}" },
	[M_TRAIN_REFUSED] = { "not run: {} (one command line already waits "
	    "for the training to end: {})",
	    "실행하지 않음: {} (학습이 끝나기를 기다리는 명령이 이미 있습니다: "
	    "{})" },
	[M_PAGER_KEYS] = { "j k Space PgUp PgDn scroll, q Esc Enter close",
	    "j k Space PgUp PgDn 스크롤, q Esc Enter 닫기" },
	[M_TRAIN_WAIT] = { "training: pages and answers wait for it to end "
	    "(Ctrl-C stops it)",
	    "학습 중: 쪽 넘기기와 답은 학습이 끝난 뒤에 (Ctrl-C 로 중지)" },
	[M_QUIT_CONFIRM] = { "Training is running. Quit? (y/n)",
	    "학습 중입니다. 끝낼까요? (y/n)" },
	[M_STOPPED] = { "training stopped; the state is kept",
	    "학습을 멈췄습니다. 상태는 유지됩니다" },
	[M_JUMP_PROMPT] = { "go to page (1-{}): ", "이동할 쪽 (1-{}): " },
	[M_BAD_PAGE] = { "no such page", "그런 쪽은 없습니다" },
	[M_HELP_TITLE] = { "Keys", "키" },
	[M_HELP_CLOSE] = { "press any key", "아무 키나 누르세요" },
	[M_HELP_1] = { "n PgDn        next page", "n PgDn        다음 쪽" },
	[M_HELP_2] = { "p PgUp        previous page", "p PgUp        이전 쪽" },
	[M_HELP_3] = { "Space         rest of a long page, then next page",
	    "Space         긴 쪽의 나머지, 그다음 다음 쪽" },
	[M_HELP_4] = { "j k Up Down   scroll the page (Home End)",
	    "j k Up Down   쪽 스크롤 (Home End)" },
	[M_HELP_5] = { "[ ]           scroll the output (prompt: PgUp PgDn)",
	    "[ ]           출력 스크롤 (입력 중: PgUp PgDn)" },
	[M_HELP_6] = { "g  m          go to a page / lesson menu",
	    "g  m          쪽 이동 / 레슨 목록" },
	[M_HELP_7] = { ": Tab         command prompt (Esc leaves)",
	    ": Tab         명령 입력 (Esc 로 나감)" },
	[M_HELP_8] = { "Enter         try it / next page",
	    "Enter         직접 해 보기 / 다음 쪽" },
	[M_HELP_9] = { "1-9  h        answer a quiz (its labels) / next hint",
	    "1-9  h        퀴즈 답하기 (보기 번호) / 다음 힌트" },
	[M_HELP_10] = { "Ctrl-C        stop training / clear the line",
	    "Ctrl-C        학습 중지 / 입력 지우기" },
	[M_HELP_11] = { "Tab Tab       complete a command",
	    "Tab Tab       명령 자동 완성" },
	[M_HELP_12] = { "? F1          this help", "? F1          이 도움말" },
	[M_HELP_13] = { "r             run this page again from a clean state",
	    "r             이 쪽을 처음 상태에서 다시 실행" },
	[M_HELP_14] = { "< >           the page's previous / next chart",
	    "< >           이 쪽의 이전 / 다음 차트" },
	[M_HELP_15] = { "q             quit (asks while training)",
	    "q             끝내기 (학습 중이면 확인)" },
	[M_HELP_16] = { "training      ? j k [ ] and : work; a line entered",
	    "학습 중       ? j k [ ] : 사용 가능; 입력한 명령은" },
	[M_HELP_17] = { "              waits for the end (one; more not run)",
	    "              학습 뒤 실행 (한 줄만, 더는 실행 안 함)" },
	[M_HELP_18] = { "N             next lesson (the menu: m)",
	    "N             다음 레슨 (레슨 목록: m)" },
	[M_HELP_19] = { ":answer 2     answer at the prompt (or by word)",
	    ":answer 2     입력 줄에서 답하기 (단어로도)" },
	[M_HELP_20] = { "P F5          classroom mode (Space: next step)",
	    "P F5          수업 모드 (Space: 다음 단계)" },
	[M_HELP_MENU_1] = { "Up Down j k   choose a lesson",
	    "Up Down j k   레슨 고르기" },
	[M_HELP_MENU_2] = { "0-9           the lesson with that number",
	    "0-9           그 번호의 레슨" },
	[M_HELP_MENU_3] = { "Enter         open it", "Enter         열기" },
	[M_HELP_MENU_4] = { "l             English / Korean",
	    "l             영어 / 한국어" },
	[M_HELP_MENU_5] = { "? F1          this help (on a page: its keys)",
	    "? F1          이 도움말 (쪽에서는 쪽의 키)" },
	[M_HELP_MENU_6] = { "q             quit", "q             끝내기" },
	[M_MATCHES] = { "matches:", "후보:" },
	[M_QUIZ_KEYS] = { "press {} to answer (prompt: answer {})",
	    "{} 키로 답하세요 (입력 줄: answer {})" },
	[M_QUIZ_RIGHT] = { "right!", "정답입니다!" },
	[M_QUIZ_WRONG] = { "not quite - try again", "아닙니다 - 다시 해 보세요" },
	[M_NO_LESSON] = { "no lesson '{}'", "'{}' 레슨이 없습니다" },
	[M_LAST_PAGE] = { "last page - N next lesson, m the menu",
	    "마지막 쪽입니다 - N 다음 레슨, m 레슨 목록" },
	[M_FIRST_PAGE] = { "first page", "첫 쪽입니다" },
	[M_LESSON_DONE] = { "lesson complete", "레슨 완료" },
	[M_TAB_LESSON] = { "lesson", "레슨" },
	[M_TAB_CHART] = { "chart", "차트" },
	[M_TAB_OUTPUT] = { "output", "출력" },
	[M_ERROR] = { "error", "오류" },
	[M_MORE_BELOW] = { "more: j/Space  {}-{}/{}",
	    "계속: j/Space  {}-{}/{}" },
	[M_MORE_BELOW_J] = { "more: j  {}-{}/{}", "계속: j  {}-{}/{}" },
	[M_MORE_ABOVE] = { "end: k/Up back  {}-{}/{}",
	    "끝: k/Up 위로  {}-{}/{}" },
	[M_OUT_NEWER] = { "-- {} newer lines below: ] or PgDn --",
	    "-- 아래에 새 줄 {}개: ] 또는 PgDn --" },
	[M_TAB_OUTPUT_MORE] = { "output ([ / PgUp: older)",
	    "출력 ([ / PgUp: 이전)" },
	[M_NO_MORE_HINTS] = { "no (more) hints on this page",
	    "이 쪽에는 (더 이상) 힌트가 없습니다" },
	[M_CHART_OF] = { " chart {}/{}  < > turn ", " 차트 {}/{}  < > 넘기기 " },
	[M_NO_MORE_CHARTS] = { "no other chart this way",
	    "이 방향으로는 다른 차트가 없습니다" },
	[M_PAGE_NO_CHART] = { "no chart on this page",
	    "이 쪽에는 차트가 없습니다" },
	[M_CHECK_DIFFERS] = { "The result differs from what the lesson "
	    "expects:", "결과가 레슨이 기대한 것과 다릅니다:" },
	[M_CHECK_RERUN] = { "Press r to run this page again from a clean "
	    "state.", "r 키를 누르면 이 쪽을 처음 상태에서 다시 실행합니다." },
	[M_TRY_MET] = { "Done - your commands did it.",
	    "해냈습니다 - 입력한 명령으로 목표를 이뤘습니다." },
	[M_RERUN] = { "page {} run again from a clean state",
	    "{}쪽을 처음 상태에서 다시 실행했습니다" },
	[M_KEY_IGNORED] = { "'{}' does nothing here: {}",
	    "'{}' 키는 여기서 하는 일이 없습니다: {}" },
	[M_KEYS_QUIZ] = { "{} answer, n/p page, : prompt, ? all keys",
	    "{} 답하기, n/p 쪽, : 입력 줄, ? 모든 키" },
	[M_KEYS_PAGE] = { "n/p page, j/k scroll, : prompt, ? all keys",
	    "n/p 쪽, j/k 스크롤, : 입력 줄, ? 모든 키" },
	[M_NOT_A_CHOICE] = { "{} is not a choice here: press {}",
	    "{}번 보기는 없습니다: {} 키로 답하세요" },
	[M_NO_QUESTION] = { "no question waits for an answer on this page",
	    "이 쪽에는 답을 기다리는 질문이 없습니다" },
	[M_ANSWER_BAD] = { "answer: '{}' is not a choice here; give {} or "
	    "one of {}", "answer: '{}'는 보기가 아닙니다. {} 또는 {} 중 "
	    "하나를 쓰세요" },
	[M_RESUMED] = { "continued at page {} of {} - p or g to go back",
	    "{}/{}쪽에서 이어 갑니다 - 앞으로는 p 나 g" },
	[M_MENU_CONTINUE] = { "continue {}/{}", "이어서 {}/{}쪽" },
	[M_END_NEXT] = { "End of the lesson. N: next lesson, {} {}; m: the "
	    "menu.", "레슨 끝. N: 다음 레슨, {} {}; m: 레슨 목록." },
	[M_END_LAST] = { "End of the lesson. That was the last one: m for "
	    "the menu.", "레슨 끝. 마지막 레슨이었습니다: m 레슨 목록." },
	[M_PRESENT_ON] = { "classroom mode: Space shows the next step, P leaves",
	    "수업 모드: Space 다음 단계, P 나가기" },
	[M_PRESENT_OFF] = { "classroom mode off (P: back to it)",
	    "수업 모드 끝 (P: 다시 켜기)" },
	[M_ANSWER_FIRST] = { "answer the quiz first", "먼저 퀴즈에 답하세요" },
};

const char *
tui_str(enum tui_lang lang, enum tui_msg id)
{
	const char *s;

	if ((int)id < 0 || id >= M_COUNT)
		return "";
	s = table[id][lang == TUI_LANG_KO ? 1 : 0];
	if (s == NULL)
		s = table[id][0];
	return s != NULL ? s : "";
}

char *
tui_fmt(char *buf, size_t n, enum tui_lang lang, enum tui_msg id, ...)
{
	const char *s = tui_str(lang, id);
	size_t len = 0;
	va_list ap;

	if (n == 0)
		return buf;
	va_start(ap, id);
	while (*s != '\0') {
		const char *piece = s;
		size_t k = 1;

		if (s[0] == '{' && s[1] == '}') {
			piece = va_arg(ap, const char *);
			if (piece == NULL)
				piece = "";
			k = strlen(piece);
			s += 2;
		} else {
			s++;
		}
		if (len + k >= n)
			k = n - 1 - len;
		memcpy(buf + len, piece, k);
		len += k;
	}
	va_end(ap);
	buf[utf8_whole(buf, len)] = '\0';	/* cut: whole characters */
	return buf;
}

int
tui_lang_parse(const char *s, enum tui_lang *out)
{
	if (strcmp(s, "en") == 0)
		*out = TUI_LANG_EN;
	else if (strcmp(s, "ko") == 0)
		*out = TUI_LANG_KO;
	else
		return -1;
	return 0;
}
