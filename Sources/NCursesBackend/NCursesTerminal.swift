import CNCurses
import ScreenKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum NCursesError: Error, Sendable, CustomStringConvertible {
    case notATerminal
    case cannotInitialize(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (标准输入和输出必须是终端)"
        case .cannotInitialize(let term):
            return "cannot start the terminal for TERM=\(term.isEmpty ? "(unset)" : term); "
                + "try TERM=xterm-256color (无法初始化终端，请尝试 TERM=xterm-256color)"
        }
    }
}

/// The console's terminal: draws `ScreenBuffer`s with ncursesw and reads keys.
///
/// Use from one thread (the run loop). Lifecycle:
/// `start` → (`draw` / `readKey` / `setCursor`)* → `stop` (once; also done on deinit). Ctrl-Z arrives
/// as `.ctrl("z")`: call `suspend()`, then draw a fresh frame. Signals and crashes are covered by
/// `TerminalGuard`, which `start` installs.
public final class NCursesTerminal: TerminalBackend {
    public private(set) var theme: Theme
    /// The depth colors are drawn at, and an English note when it differs from what the user may expect.
    public let colorDecision: ColorDecision
    public var colorDepth: ColorDepth { colorDecision.depth }
    /// Non-ASCII text is replaced (box drawing by `+-|`, other characters by `?`).
    public let asciiOnly: Bool

    private let screen: OpaquePointer
    private let capabilities: ColorCapabilities
    private let defaultColorsWork: Bool
    private let jobControlAvailable: Bool
    /// Started by the public `start`: keeps `TerminalGuard` informed.
    private let guarded: Bool
    private let extendedKeys: ExtendedKeyCodes
    private var lastFrame: ScreenBuffer?
    private var needsFullRepaint = true
    private var requestedCursor: Point?
    private var cursorShown: Bool?
    private var pendingInput: RawInput?
    private var isStopped = false
    private var styles: [StyleKey: CursesStyle] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private let glyphBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: GlyphPlan.maximumScalars + 2)

    /// Takes over the terminal. Call `setlocale(LC_ALL, "")` first (see `localeIsUTF8()`).
    /// - Parameters:
    ///   - forceASCII: draw only ASCII (pass `!localeIsUTF8()`).
    ///   - colorDepth: a user's choice (`--colors`); never more than the terminal has. Overrides NO_COLOR.
    public static func start(theme: Theme, forceASCII: Bool = false, colorDepth: ColorDepth? = nil) throws -> NCursesTerminal {
        guard TerminalGuard.stdoutIsTerminal() else { throw NCursesError.notATerminal }
        TerminalGuard.install()
        // A shell without job control starts us with SIGTSTP ignored: then Ctrl-Z must not stop us,
        // as nothing could continue the process. (Checked before ncurses installs its own handler.)
        var tstp = sigaction()
        sigaction(SIGTSTP, nil, &tstp)
        let jobControl = unsafeBitCast(tstp.__sigaction_handler, to: Int.self) != 1

        TerminalGuard.cursesWillStart()
        guard let screen = newterm(nil, advisor_stdout(), advisor_stdin()) else {
            TerminalGuard.cursesDidStop()
            throw NCursesError.cannotInitialize(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        TerminalGuard.cursesDidStart()
        return NCursesTerminal(screen: screen, theme: theme, forceASCII: forceASCII,
                               requestedDepth: colorDepth, jobControl: jobControl, guarded: true)
    }

    /// A terminal on other streams (tests use a pseudo-terminal), without the process-wide guard.
    static func start(theme: Theme, forceASCII: Bool = false, colorDepth: ColorDepth? = nil, terminalType: String,
                      output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>) throws -> NCursesTerminal {
        guard let screen = newterm(terminalType, output, input) else {
            throw NCursesError.cannotInitialize(term: terminalType)
        }
        return NCursesTerminal(screen: screen, theme: theme, forceASCII: forceASCII,
                               requestedDepth: colorDepth, jobControl: false, guarded: false)
    }

    private init(screen: OpaquePointer, theme: Theme, forceASCII: Bool, requestedDepth: ColorDepth?, jobControl: Bool,
                 guarded: Bool) {
        self.screen = screen
        self.guarded = guarded
        self.theme = theme
        self.asciiOnly = forceASCII
        self.jobControlAvailable = jobControl
        let window = advisor_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        scrollok(window, false)
        set_escdelay(25)
        curs_set(0)
        cursorShown = false

        let hasColors = has_colors()
        var defaultColors = false
        if hasColors {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        let environment = { (name: String) in getenv(name).map { String(cString: $0) } }
        capabilities = ColorCapabilities(hasColors: hasColors, colors: Int(advisor_colors()),
                                         directColor: tigetflag("RGB") > 0,
                                         colorTerm: environment("COLORTERM"), noColor: environment("NO_COLOR"))
        defaultColorsWork = defaultColors
        colorDecision = ColorSupport.decide(capabilities, requested: requestedDepth)
        extendedKeys = ExtendedKeyCodes.lookUp()
    }

    deinit {
        stop()
        delscreen(screen)
        glyphBuffer.deallocate()
    }

    /// True when the C library's character set is UTF-8 (after `setlocale(LC_ALL, "")`).
    public static func localeIsUTF8() -> Bool {
        guard let codeset = advisor_codeset() else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
        return name == "UTF8"
    }

    // MARK: TerminalBackend

    public var size: Size { Size(width: Int(advisor_cols()), height: Int(advisor_lines())) }

    public func invalidate() { needsFullRepaint = true }

    public func setCursor(_ position: Point?) {
        requestedCursor = position
        guard !isStopped, let window = advisor_stdscr() else { return }
        showCursor(at: position, window: window)
    }

    /// Switches theme; the next draw repaints everything in the new colors.
    public func setTheme(_ newTheme: Theme) {
        theme = newTheme
        styles.removeAll()
        invalidate()
    }

    public func draw(_ frame: ScreenBuffer) {
        guard !isStopped, let window = advisor_stdscr() else { return }
        let rows = Int(advisor_lines()), columns = min(Int(advisor_cols()), frame.size.width)
        let full = needsFullRepaint || lastFrame?.size != frame.size
        var row = -1, drawnUpTo = 0

        func drawCell(x: Int, y: Int) {
            guard y < rows, x < columns else { return }
            if y != row {
                row = y
                drawnUpTo = 0
            }
            var start = x
            var cell = frame[x, y]
            if cell.isContinuation {
                // Continuation cells are never drawn; a change there means redrawing the wide glyph.
                if x > 0, !frame[x - 1, y].isContinuation, frame[x - 1, y].width == 2 {
                    start = x - 1
                    cell = frame[start, y]
                } else {
                    cell = Cell(" ", role: cell.role, attributes: cell.attributes)
                }
            }
            guard start >= drawnUpTo else { return }
            let style = cursesStyle(role: cell.role, attributes: cell.attributes)
            var column = start
            for glyph in GlyphPlan.glyphs(for: cell, room: columns - start, asciiOnly: asciiOnly,
                                          wcwidth: { Int(advisor_wcwidth($0)) }) {
                put(glyph, x: column, y: y, style: style, window: window)
                column += glyph.columns
            }
            drawnUpTo = column
        }

        if full {
            werase(window)
            clearok(window, true)
            for y in 0..<frame.size.height {
                for x in 0..<frame.size.width { drawCell(x: x, y: y) }
            }
        } else {
            for p in frame.changedPositions(since: lastFrame) { drawCell(x: p.x, y: p.y) }
        }
        lastFrame = frame
        needsFullRepaint = false
        showCursor(at: frame.cursor ?? requestedCursor, window: window)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !isStopped, let window = advisor_stdscr() else { return nil }
        if let pending = pendingInput {
            pendingInput = nil
            return noted(KeyDecoder.decode(pending, extended: extendedKeys))
        }
        // ncurses notices a SIGWINCH that came while we were not reading only when a read ends,
        // so look without waiting first; otherwise a blocking read would sleep through a resize.
        wtimeout(window, 0)
        var input = readInput(window)
        if input == nil, timeoutMilliseconds != 0 {
            wtimeout(window, timeoutMilliseconds < 0 ? -1 : Int32(clamping: timeoutMilliseconds))
            input = readInput(window)
        }
        guard let input else { return nil }
        if input == .character(KeyDecoder.escape) {
            // ncurses already waited ESCDELAY for an escape sequence; what follows is in its buffer.
            wtimeout(window, 0)
            let (key, pending) = KeyDecoder.combineEscape(followedBy: readInput(window))
            pendingInput = pending
            return key
        }
        return noted(KeyDecoder.decode(input, extended: extendedKeys))
    }

    // MARK: Suspend and stop

    /// Ctrl-Z: gives the terminal back to the shell and stops the process; returns after `fg`, in
    /// curses mode, with the screen invalidated (draw a frame next). Returns false, doing nothing,
    /// when the shell has no job control (SIGTSTP was ignored at start) or the terminal is stopped.
    @discardableResult
    public func suspend() -> Bool {
        guard !isStopped, jobControlAvailable else { return false }
        if guarded { TerminalGuard.cursesWillStop() }
        endwin()
        // ncurses may have its own SIGTSTP handler; the default action is what stops us cleanly.
        var defaultAction = sigaction(), previous = sigaction()
        sigaction(SIGTSTP, &defaultAction, &previous)
        kill(getpid(), SIGTSTP) // to the process, so a thread that blocks signals cannot hold it back
        sigaction(SIGTSTP, &previous, nil)

        if guarded {
            TerminalGuard.cursesWillStart()
            TerminalGuard.cursesDidStart()
        }
        // The window may have changed size while we were stopped; SIGWINCH went to the shell.
        var rows: Int32 = 0, columns: Int32 = 0
        if advisor_window_size(STDOUT_FILENO, &rows, &columns) == 0,
           rows != advisor_lines() || columns != advisor_cols() {
            resizeterm(rows, columns)
            ungetch(KEY_RESIZE)
        }
        cursorShown = nil
        invalidate()
        doupdate() // back to program mode and the alternate screen, before any key is read
        return true
    }

    /// Restores the terminal. Safe to call more than once; later calls do nothing.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        if guarded { TerminalGuard.cursesWillStop() }
        endwin()
        if guarded { TerminalGuard.cursesDidStop() }
    }

    // MARK: Drawing helpers

    private struct StyleKey: Hashable {
        var role: StyleRole
        var attributes: TextAttributes
    }

    private struct CursesStyle {
        var attributes: attr_t
        var pair: Int32
    }

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    private func cursesStyle(role: StyleRole, attributes extra: TextAttributes) -> CursesStyle {
        let key = StyleKey(role: role, attributes: extra)
        if let known = styles[key] { return known }
        let resolved = theme.style(for: role, depth: colorDepth)
        var attributes = resolved.attributes.union(extra)
        var pair: Int32 = 0
        if colorDepth != .mono {
            let fg = ColorSupport.cursesColor(resolved.fg, colors: capabilities.colors, directColor: capabilities.directColor,
                                              defaultColorsWork: defaultColorsWork, isForeground: true)
            let bg = ColorSupport.cursesColor(resolved.bg, colors: capabilities.colors, directColor: capabilities.directColor,
                                              defaultColorsWork: defaultColorsWork, isForeground: false)
            if fg.brightensForeground { attributes.insert(.bold) }
            pair = pairNumber(fg: fg.number, bg: bg.number)
        }
        let style = CursesStyle(attributes: cursesAttributes(attributes), pair: pair)
        styles[key] = style
        return style
    }

    /// Pairs are allocated on first use; ncurses 6.1+ `alloc_pair` reuses the least recently used
    /// pair if the terminal's table is ever full.
    private func pairNumber(fg: Int32, bg: Int32) -> Int32 {
        if fg == -1, bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let known = pairs[key] { return known }
        let allocated = alloc_pair(fg, bg)
        let pair = allocated > 0 ? allocated : 0
        pairs[key] = pair
        return pair
    }

    private func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var result: attr_t = 0
        if a.contains(.bold) { result |= advisor_attr_bold() }
        if a.contains(.underline) { result |= advisor_attr_underline() }
        if a.contains(.reverse) { result |= advisor_attr_reverse() }
        if a.contains(.dim) { result |= advisor_attr_dim() }
        if a.contains(.blink) { result |= advisor_attr_blink() }
        return result
    }

    private func put(_ glyph: Glyph, x: Int, y: Int, style: CursesStyle, window: UnsafeMutablePointer<WINDOW>) {
        for (i, scalar) in glyph.scalars.prefix(GlyphPlan.maximumScalars).enumerated() {
            glyphBuffer[i] = wchar_t(bitPattern: scalar)
        }
        glyphBuffer[min(glyph.scalars.count, GlyphPlan.maximumScalars)] = 0
        var cell = cchar_t()
        var pair = style.pair
        setcchar(&cell, glyphBuffer, style.attributes, 0, &pair)
        // At the bottom-right corner this reports ERR (the cursor cannot advance) yet stores the
        // character; with scrollok off nothing scrolls, and doupdate draws the corner safely.
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func showCursor(at position: Point?, window: UnsafeMutablePointer<WINDOW>) {
        let inside = position.map { $0.x >= 0 && $0.y >= 0 && $0.x < size.width && $0.y < size.height } ?? false
        if let position, inside {
            leaveok(window, false)
            wmove(window, Int32(position.y), Int32(position.x))
            wnoutrefresh(window)
            doupdate()
            setCursorVisible(true)
        } else {
            leaveok(window, true)
            setCursorVisible(false) // before the update, so it never flashes at the old spot
            wnoutrefresh(window)
            doupdate()
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorShown != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorShown = visible
    }

    // MARK: Input helpers

    private func readInput(_ window: UnsafeMutablePointer<WINDOW>) -> RawInput? {
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK: return .character(UInt32(value))
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: UInt32(value)))
        default: return nil
        }
    }

    private func noted(_ key: Key) -> Key {
        if key == .resize { needsFullRepaint = true }
        return key
    }
}
