import ScreenKit

/// One `cchar_t` worth of text: a spacing character and up to four combining ones, and the columns
/// ncurses will advance for it.
struct Glyph: Sendable, Hashable {
    var scalars: [UInt32]
    var columns: Int

    static let space = Glyph(scalars: [0x20], columns: 1)
    static func ascii(_ c: Character) -> Glyph { Glyph(scalars: [c.unicodeScalars.first!.value], columns: 1) }
}

/// Decides what to send for a cell so the screen keeps the columns the frame was laid out with, even
/// where the C library's `wcwidth` disagrees with ScreenKit's width table or the locale cannot show
/// a character. Pure: `wcwidth` is passed in.
enum GlyphPlan {
    /// ncurses stores at most 5 wide characters per cell (CCHARW_MAX).
    static let maximumScalars = 5

    /// Glyphs for `cell`, filling exactly `min(cell.width, room)` columns (at least 1).
    static func glyphs(for cell: Cell, room: Int, asciiOnly: Bool, wcwidth: (UInt32) -> Int) -> [Glyph] {
        let wanted = max(1, min(cell.width, 2))
        guard room >= wanted else { return [.space] } // a wide glyph cut by the screen edge
        let scalars = Array(cell.grapheme.unicodeScalars.map(\.value))
        guard let base = scalars.first else { return Array(repeating: .space, count: wanted) }

        if asciiOnly {
            if base >= 0x20, base < 0x7F { return [Glyph(scalars: [base], columns: 1)] + padding(wanted - 1) }
            if let replacement = asciiReplacement(base) { return [.ascii(replacement)] + padding(wanted - 1) }
            return Array(repeating: .ascii("?"), count: wanted)
        }

        let baseWidth = wcwidth(base)
        if baseWidth < 0 { return Array(repeating: .ascii("?"), count: wanted) }
        var kept: [UInt32] = [base]
        if baseWidth == 0 { kept = [0x20, base] } // a lone combining mark needs a base to sit on
        for s in scalars.dropFirst() where kept.count < maximumScalars {
            // Combining marks and variation selectors only; a ZWJ sequence shows as its first emoji.
            if s != 0x200D, wcwidth(s) == 0 { kept.append(s) }
        }
        let columns = max(1, baseWidth)
        if columns == wanted { return [Glyph(scalars: kept, columns: columns)] }
        if columns < wanted { return [Glyph(scalars: kept, columns: columns)] + padding(wanted - columns) }
        // ncurses would draw it wider than the frame allows: it would push the rest of the row right.
        return Array(repeating: .ascii("?"), count: wanted)
    }

    private static func padding(_ n: Int) -> [Glyph] { Array(repeating: .space, count: max(0, n)) }

    /// Box drawing, blocks and a few symbols the console uses, for terminals without UTF-8.
    static func asciiReplacement(_ scalar: UInt32) -> Character? {
        switch scalar {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550, 0x254C, 0x254D, 0x2574, 0x2576, 0x2578, 0x257A:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x2551, 0x254E, 0x254F, 0x2575, 0x2577, 0x2579, 0x257B:
            return "|"
        case 0x250C...0x254B, 0x2552...0x256C, 0x256D...0x2570:
            return "+"
        case 0x2580...0x259F, 0x25A0, 0x25AA, 0x25AC, 0x25AE:
            return "#"
        case 0x2022, 0x25CF, 0x25CB, 0x25E6: return "*"
        case 0x00B7, 0x2219, 0x30FB: return "."
        case 0x2026: return "."
        case 0x2190, 0x25C0, 0x25C2: return "<"
        case 0x2192, 0x25B6, 0x25B8: return ">"
        case 0x2191, 0x25B2, 0x25B4: return "^"
        case 0x2193, 0x25BC, 0x25BE: return "v"
        case 0x2713, 0x2714: return "v"
        case 0x2717, 0x2718, 0x00D7: return "x"
        case 0x2013, 0x2014, 0x2212: return "-"
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        case 0x00A0, 0x3000: return " "
        default: return nil
        }
    }
}
