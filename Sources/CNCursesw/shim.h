// ncursesw for Swift: wide-character curses with the globals and macros Swift cannot
// import wrapped in static inline functions.
#ifndef MULTINET_CNCURSESW_SHIM_H
#define MULTINET_CNCURSESW_SHIM_H

// SwiftPM drops _XOPEN_SOURCE from cflags; NCURSES_WIDECHAR turns on the wide API.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline WINDOW *mn_stdscr(void) { return stdscr; }
static inline int mn_lines(void) { return LINES; }
static inline int mn_cols(void) { return COLS; }
static inline int mn_colors(void) { return COLORS; }
static inline int mn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t mn_a_normal(void) { return A_NORMAL; }
static inline attr_t mn_a_bold(void) { return A_BOLD; }
static inline attr_t mn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mn_a_reverse(void) { return A_REVERSE; }
static inline attr_t mn_a_dim(void) { return A_DIM; }
static inline attr_t mn_a_standout(void) { return A_STANDOUT; }

static inline int mn_key_resize(void) { return KEY_RESIZE; }
static inline int mn_key_code_yes(void) { return KEY_CODE_YES; }

/// Sets the locale from the environment and says whether its codeset is UTF-8.
static inline int mn_setlocale_is_utf8(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (codeset[0] == 'U' || codeset[0] == 'u')
        && (codeset[1] == 'T' || codeset[1] == 't') && (codeset[2] == 'F' || codeset[2] == 'f');
}

/// A new terminal on stdin/stdout of type `type` (NULL: TERM); NULL when the terminfo
/// database has no usable entry for it (newterm, unlike initscr, returns instead of exiting).
static inline SCREEN *mn_newterm(const char *type) { return newterm(type, stdout, stdin); }

/// Writes one cell's text (UTF-8 already converted to wide characters) with attributes and
/// a colour pair at a position.
static inline int mn_put(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// Reads one key: returns KEY_CODE_YES with a function key in *code, OK with a character
/// in *code, or ERR on timeout.
static inline int mn_get_key(int *code) {
    wint_t ch = 0;
    int kind = get_wch(&ch);
    *code = (int)ch;
    return kind;
}

#endif
