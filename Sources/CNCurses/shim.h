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
#include <stdio.h>
#include <sys/ioctl.h>
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

/* Attribute bits are function-like macros in curses.h, which Swift cannot import. */
static inline attr_t advisor_attr_bold(void) { return A_BOLD; }
static inline attr_t advisor_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t advisor_attr_reverse(void) { return A_REVERSE; }
static inline attr_t advisor_attr_dim(void) { return A_DIM; }
static inline attr_t advisor_attr_blink(void) { return A_BLINK; }

/* The C streams are mutable globals too; newterm needs them. */
static inline FILE *advisor_stdout(void) { return stdout; }
static inline FILE *advisor_stdin(void) { return stdin; }

/* Rows and columns of the terminal on fd, from the kernel (-1 on failure). */
static inline int advisor_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* Sets the size of a (pseudo-)terminal, as a terminal emulator does on resize. */
static inline int advisor_set_window_size(int fd, int rows, int cols) {
    struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
    return ioctl(fd, TIOCSWINSZ, &ws);
}

/* Opens a pseudo-terminal pair (Linux /dev/ptmx), so tests can run the backend on a terminal they
   read and type into. Returns 0 and both descriptors, or -1. */
#include <fcntl.h>
#include <unistd.h>
static inline int advisor_open_pseudo_terminal(int *master_out, int *slave_out) {
#if defined(__linux__) && defined(TIOCGPTN) && defined(TIOCSPTLCK)
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    int unlock = 0;
    unsigned int number = 0;
    char path[32];
    if (ioctl(master, TIOCSPTLCK, &unlock) != 0 || ioctl(master, TIOCGPTN, &number) != 0) {
        close(master);
        return -1;
    }
    snprintf(path, sizeof path, "/dev/pts/%u", number);
    int slave = open(path, O_RDWR | O_NOCTTY);
    if (slave < 0) {
        close(master);
        return -1;
    }
    *master_out = master;
    *slave_out = slave;
    return 0;
#else
    (void)master_out;
    (void)slave_out;
    return -1;
#endif
}

/* tigetstr() returns (char *)-1 for "not a string capability"; hide that from Swift. */
static inline const char *advisor_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? (const char *)0 : value;
}

#endif
