#ifndef ADVISOR_CNCURSES_SHIM_H
#define ADVISOR_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects ncurses' mutable globals; these accessors read them. */
static inline WINDOW *advisor_stdscr(void) { return stdscr; }
static inline int advisor_lines(void) { return LINES; }
static inline int advisor_cols(void) { return COLS; }
static inline int advisor_colors(void) { return COLORS; }
static inline int advisor_color_pairs(void) { return COLOR_PAIRS; }
static inline int advisor_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
static inline const char *advisor_codeset(void) { return nl_langinfo(CODESET); }
static inline int advisor_key_resize(void) { return KEY_RESIZE; }

#endif
