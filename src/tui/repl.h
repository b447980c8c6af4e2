/*
 * repl.h - the line-mode prompt (regtutor --repl): GNU readline without
 * the full-screen UI.
 *
 * History lives in $XDG_STATE_HOME/regtutor/history (fallback
 * ~/.local/state/regtutor/history); Tab completes commands, keys and
 * enumerated values through cmd_complete().
 */
#ifndef REGTUTOR_TUI_REPL_H
#define REGTUTOR_TUI_REPL_H

struct session;

/*
 * Reads and executes lines until "quit" or end of input, printing each
 * line's transcript (charts in colour tier color, CMD_COLOR_*); errors go
 * to stderr.  Returns the exit status: 0, or 1 when the last command
 * failed.  keep_going is accepted for symmetry with the headless modes
 * (an interactive prompt never stops on an error).
 */
int repl_main(struct session *s, int color, int keep_going);

#endif
