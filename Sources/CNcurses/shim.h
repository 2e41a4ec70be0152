#ifndef DELTATUI_CNCURSES_SHIM_H
#define DELTATUI_CNCURSES_SHIM_H

// The wide-character API (get_wch, setcchar, add_wch, cchar_t) is only declared with
// NCURSES_WIDECHAR set before the header is read.
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/select.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// ---- Globals that Swift 6 strict concurrency rejects (stdscr, LINES, COLS, ...) -------

static inline WINDOW *deltatui_stdscr(void) { return stdscr; }
static inline WINDOW *deltatui_curscr(void) { return curscr; }
static inline int deltatui_lines(void) { return LINES; }
static inline int deltatui_cols(void) { return COLS; }
static inline int deltatui_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *deltatui_stdin(void) { return stdin; }
static inline FILE *deltatui_stdout(void) { return stdout; }

/// The size of a window (getmaxyx is a macro).
static inline int deltatui_height(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int deltatui_width(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// ---- Attributes (macros built from NCURSES_BITS do not import) ----------------------

static inline attr_t deltatui_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t deltatui_A_BOLD(void) { return A_BOLD; }
static inline attr_t deltatui_A_DIM(void) { return A_DIM; }
static inline attr_t deltatui_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t deltatui_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline int deltatui_COLOR_PAIR(int n) { return (int)COLOR_PAIR(n); }

// ---- Key codes ---------------------------------------------------------------------
// KEY_UP, KEY_RESIZE, KEY_BTAB, KEY_CODE_YES, ERR, OK ... are plain integer macros and
// import into Swift as Int32 constants; only KEY_F(n) (a function-like macro) does not.
static inline int deltatui_KEY_F(int n) { return KEY_F(n); }

/// Columns a character takes (wcwidth is hidden without _XOPEN_SOURCE).
extern int wcwidth(wchar_t);
static inline int deltatui_wcwidth(wchar_t c) { return wcwidth(c); }

// ---- Terminal info -------------------------------------------------------------------

/// Whether terminfo knows the terminal type `term` (0 = yes). Loads the entry with
/// setupterm (which does not print when given an error slot) and frees it again.
static inline int deltatui_terminfo_missing(const char *term, int fd) {
    int error = 0;
    TERMINAL *before = cur_term;
    if (setupterm(term, fd, &error) != OK) { set_curterm(before); return 1; }
    TERMINAL *loaded = cur_term;
    set_curterm(before);
    del_curterm(loaded);
    return 0;
}

/// The codeset ("UTF-8", "ANSI_X3.4-1968", ...) of LC_CTYPE of a locale name, or NULL
/// when the locale is not installed. The result is copied into `out`.
static inline int deltatui_codeset_of(const char *name, char *out, size_t size) {
    locale_t loc = newlocale(LC_CTYPE_MASK, name, (locale_t)0);
    if (loc == (locale_t)0) return 0;
    const char *codeset = nl_langinfo_l(CODESET, loc);
    snprintf(out, size, "%s", codeset ? codeset : "");
    freelocale(loc);
    return 1;
}

/// The codeset of the current LC_CTYPE.
static inline const char *deltatui_current_codeset(void) { return nl_langinfo(CODESET); }

// ---- Signals -------------------------------------------------------------------------

/// Installs a plain handler without SA_RESTART (so a blocked read or select returns
/// EINTR), saving the previous action in `old`.
static inline int deltatui_catch(int sig, void (*handler)(int), struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(sig, &action, old);
}

/// Installs a crash handler (SA_SIGINFO, on the alternate stack if there is one),
/// saving the previous action in `old`.
static inline int deltatui_catch_crash(int sig, void (*handler)(int, siginfo_t *, void *), struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    return sigaction(sig, &action, old);
}

/// Puts a saved action back.
static inline int deltatui_restore_action(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}

/// Whether a crash signal came from kill/raise (not from the faulting instruction).
static inline int deltatui_sent_by_user(const siginfo_t *info) { return info == NULL || info->si_code <= 0; }

/// Waits until `fd` is readable, `timeout_ms` passes (-1: forever) or a signal arrives,
/// with the signal mask `mask` in force only while waiting (pselect: no lost wake-ups).
/// Returns > 0 when readable, 0 on timeout, -1 on a signal or error.
static inline int deltatui_wait_readable(int fd, int timeout_ms, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    struct timespec timeout;
    struct timespec *limit = NULL;
    if (timeout_ms >= 0) {
        timeout.tv_sec = timeout_ms / 1000;
        timeout.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
        limit = &timeout;
    }
    return pselect(fd + 1, &readable, NULL, NULL, limit, mask);
}

#endif
