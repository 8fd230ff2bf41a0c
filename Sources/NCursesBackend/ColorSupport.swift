import ScreenKit

/// What the terminal can show, as ncurses and the environment describe it.
public struct ColorCapabilities: Sendable, Hashable {
    /// `has_colors()`.
    public var hasColors: Bool
    /// `COLORS` after `start_color()`.
    public var colors: Int
    /// The terminfo entry takes 24-bit values as color numbers (`RGB` flag, e.g. TERM=xterm-direct).
    public var directColor: Bool
    /// `$COLORTERM` ("truecolor"/"24bit" when the emulator does 24-bit color).
    public var colorTerm: String?
    /// `$NO_COLOR`: set and not empty means the user wants no colors (https://no-color.org).
    public var noColor: String?

    public init(hasColors: Bool, colors: Int, directColor: Bool, colorTerm: String?, noColor: String?) {
        self.hasColors = hasColors
        self.colors = colors
        self.directColor = directColor
        self.colorTerm = colorTerm
        self.noColor = noColor
    }

    var emulatorSaysTruecolor: Bool {
        guard let value = colorTerm?.lowercased() else { return false }
        return value == "truecolor" || value == "24bit"
    }
}

/// The depth the backend draws at, and a note when the user might expect another one.
public struct ColorDecision: Sendable, Hashable {
    public var depth: ColorDepth
    /// English, for a diagnostics line; nil when nothing is surprising.
    public var note: String?
}

public enum ColorSupport {
    /// Chooses the color depth.
    ///
    /// - `requested` (a command-line choice) wins over `NO_COLOR` but never exceeds the terminal.
    /// - `NO_COLOR` set and not empty, no `has_colors()`, or fewer than 8 colors: `.mono`.
    /// - Truecolor needs a direct-color terminfo entry, because ncurses only sends what terminfo
    ///   describes. `COLORTERM=truecolor` with a 256-color entry (the usual xterm-256color) draws with
    ///   the theme's 256-color values, which the theme files choose by hand for each role; rgb-only
    ///   colors are mapped to the nearest palette entry.
    public static func decide(_ caps: ColorCapabilities, requested: ColorDepth? = nil) -> ColorDecision {
        let available: ColorDepth
        if !caps.hasColors || caps.colors < 8 {
            available = .mono
        } else if caps.directColor || caps.colors >= 1 << 24 {
            available = .truecolor
        } else if caps.colors >= 256 {
            available = .colors256
        } else {
            available = .colors8
        }

        if let requested {
            if requested.rank <= available.rank { return ColorDecision(depth: requested, note: nil) }
            return ColorDecision(depth: available,
                                 note: "\(requested) colors requested, but the terminal (TERM) offers only \(available)")
        }
        if let noColor = caps.noColor, !noColor.isEmpty {
            return ColorDecision(depth: .mono, note: "NO_COLOR is set: drawing without colors")
        }
        if available == .colors256, caps.emulatorSaysTruecolor {
            return ColorDecision(depth: .colors256,
                                 note: "COLORTERM=\(caps.colorTerm ?? "") but the terminfo entry has 256 colors: "
                                     + "using 256 colors (for 24-bit color run with a direct-color TERM such as xterm-direct)")
        }
        return ColorDecision(depth: available, note: nil)
    }

    /// The ncurses color number for `color`, given what `start_color` reported. Bright ANSI colors on
    /// an 8-color terminal become their normal color; `brightensForeground` then says to add bold,
    /// which most 8-color terminals draw bright.
    static func cursesColor(_ color: TerminalColor, colors: Int, directColor: Bool,
                            defaultColorsWork: Bool, isForeground: Bool) -> (number: Int32, brightensForeground: Bool) {
        switch color {
        case .default:
            if defaultColorsWork { return (-1, false) }
            return (isForeground ? 7 : 0, false)
        case .ansi(let n):
            let n = min(15, max(0, n))
            if directColor {
                // Direct-color entries read numbers below 8 as ANSI colors and all others as RGB.
                return n < 8 ? (Int32(n), false) : (rgbNumber(ColorApproximation.rgb(ofIndex: n)), false)
            }
            if n < colors { return (Int32(n), false) }
            return (Int32(n - 8), isForeground)
        case .indexed(let i):
            let i = min(255, max(0, i))
            if directColor {
                return i < 8 ? (Int32(i), false) : (rgbNumber(ColorApproximation.rgb(ofIndex: i)), false)
            }
            if i < colors { return (Int32(i), false) }
            let rgb = ColorApproximation.rgb(ofIndex: i)
            return (Int32(ColorApproximation.nearestANSI(rgb)), false)
        case .rgb(let r, let g, let b):
            let rgb = RGB(r, g, b)
            if directColor { return (rgbNumber(rgb), false) }
            if colors >= 256 { return (Int32(ColorApproximation.nearest256(rgb)), false) }
            return (Int32(ColorApproximation.nearestANSI(rgb)), false)
        }
    }

    /// r<<16 | g<<8 | b, kept at 8 or above so it is never taken for an ANSI color.
    static func rgbNumber(_ c: RGB) -> Int32 {
        max(8, Int32(c.red) << 16 | Int32(c.green) << 8 | Int32(c.blue))
    }
}

extension ColorDepth {
    var rank: Int {
        switch self {
        case .mono: return 0
        case .colors8: return 1
        case .colors256: return 2
        case .truecolor: return 3
        }
    }
}
