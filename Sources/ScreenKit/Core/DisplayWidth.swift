/// Display columns of text as a terminal (and ncurses, through the C library's wcwidth) draws it.
///
/// Widths come from a table generated from glibc's `wcwidth` in a UTF-8 locale (see `WidthTable.swift`),
/// so ScreenKit and ncurses always agree on where the cursor ends up. Wide (CJK, most emoji) = 2,
/// combining marks = 0, everything else printable = 1.
///
/// A terminal cell holds one *glyph*: a base scalar that advances the cursor plus up to four zero-width
/// marks — exactly what ncurses' `setcchar` keeps. Grapheme clusters that terminals disagree about are
/// reduced to glyphs whose advance every terminal agrees on (deliberate, documented differences):
/// - Variation selectors (U+FE00–FE0F) are dropped, so "❤️" draws as "❤" in 1 column. Terminals differ on
///   whether VS16 widens a glyph; ncurses never does.
/// - A ZWJ sequence draws as its first emoji: "👩‍💻" is "👩" (2) and the family "👨‍👩‍👧‍👦" is "👨" (2), never
///   four people in eight columns. Terminals that join the sequence draw it in two columns and those that
///   do not draw every part; only the first part alone is two columns everywhere.
/// - Emoji tag characters and skin-tone modifiers after a base are dropped, so "👍🏽" is "👍" (2).
/// - Other spacing scalars inside one cluster become glyphs of their own, e.g. a flag "🇨🇳" is two
///   1-column regional indicators (2 columns, which is what flag-drawing terminals advance too).
/// - Scalars the C library does not know (unassigned, or newer than its Unicode version) are shown as
///   U+FFFD "�", 1 column, because ncurses cannot measure them.
/// - Control characters count 0 (they never reach a cell: `TerminalText.sanitize` removes them).
public enum DisplayWidth {
    /// A cell's worth of text: a base with its zero-width marks, and the columns it advances (1 or 2).
    /// Width 0 means marks without a base in this cluster; a writer attaches them to the previous glyph.
    public struct Glyph: Sendable, Hashable {
        public var text: String
        public var width: Int
        public init(text: String, width: Int) {
            self.text = text
            self.width = width
        }
    }

    /// At most this many scalars per cell, like ncurses' `CCHARW_MAX`; more marks are dropped.
    public static let maxScalarsPerGlyph = 5
    @usableFromInline
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Columns of one grapheme cluster as drawn (the sum of its glyphs' widths; usually 0, 1 or 2).
    @inlinable
    public static func of(_ ch: Character) -> Int {
        if let ascii = ch.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        let scalars = ch.unicodeScalars
        let first = scalars.first!
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return of(first) }
        return clusterWidth(ch)
    }

    /// Columns of a string (control characters count 0; see `String.displayWidth` for sanitized text).
    public static func of(_ s: String) -> Int {
        var total = 0
        for ch in s { total += of(ch) }
        return total
    }

    /// Columns of one scalar drawn alone: wcwidth, except controls (0) and unknown scalars (1, shown as U+FFFD).
    @inlinable
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        switch widthClass(v) {
        case 3: return isControl(v) ? 0 : 1
        case let c: return Int(c)
        }
    }

    /// What the C library's `wcwidth` returns for `s` in a UTF-8 locale (-1 for controls and unknown scalars).
    public static func wcwidth(_ s: Unicode.Scalar) -> Int {
        let c = widthClass(s.value)
        return c == 3 ? -1 : Int(c)
    }

    /// The glyphs one grapheme cluster is drawn as, in order. Empty for clusters with nothing to show.
    public static func glyphs(of ch: Character) -> [Glyph] {
        var result: [Glyph] = []
        forEachGlyph(in: ch) { result.append($0) }
        return result
    }

    /// Calls `body` with each glyph of `ch` (no array allocated on the common single-scalar path).
    @inlinable
    public static func forEachGlyph(in ch: Character, _ body: (Glyph) -> Void) {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            let v = first.value
            if v < 0x7F {
                if v >= 0x20 { body(Glyph(text: String(ch), width: 1)) }
                return
            }
            let c = widthClass(v)
            switch c {
            case 1, 2: body(Glyph(text: String(ch), width: Int(c)))
            case 3: if !isControl(v) { body(Glyph(text: String(replacement), width: 1)) }
            default: if !isDroppedMark(first) { body(Glyph(text: String(ch), width: 0)) }
            }
            return
        }
        forEachClusterGlyph(in: ch, body)
    }

    // MARK: - Internals

    @usableFromInline
    static func clusterWidth(_ ch: Character) -> Int {
        var total = 0
        forEachClusterGlyph(in: ch) { total += $0.width }
        return total
    }

    @usableFromInline
    static func forEachClusterGlyph(in ch: Character, _ body: (Glyph) -> Void) {
        var current = String.UnicodeScalarView()
        var currentWidth = 0
        var currentCount = 0
        var hasBase = false
        // After a joiner, the pictograph it joins (and its marks) belongs to the first glyph's sequence.
        var joining = false
        var skipping = false
        func flush() {
            if currentCount > 0 { body(Glyph(text: String(current), width: currentWidth)) }
            current = String.UnicodeScalarView()
            currentWidth = 0
            currentCount = 0
        }
        for s in ch.unicodeScalars {
            let v = s.value
            var c = v < 0x7F ? (v >= 0x20 ? 1 : 3) : widthClass(v)
            var scalar = s
            if c == 3 {
                if isControl(v) { continue }
                scalar = replacement
                c = 1
            }
            if c == 0 {
                if v == 0x200D {
                    joining = hasBase
                    continue
                }
                if isDroppedMark(s) || skipping { continue }
                if currentCount < maxScalarsPerGlyph {
                    current.append(scalar)
                    currentCount += 1
                }
                continue
            }
            if hasBase, isEmojiModifier(v) { continue }
            if joining, v > 0x7F, s.properties.isEmoji {
                joining = false
                skipping = true
                continue
            }
            joining = false
            skipping = false
            flush()
            current.append(scalar)
            currentCount = 1
            currentWidth = Int(c)
            hasBase = true
        }
        flush()
    }

    /// Zero-width scalars that never go into a cell: joiners, variation selectors, tags and other
    /// invisible format characters that some terminals act on and others ignore.
    @usableFromInline
    static func isDroppedMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200D, 0xFE00...0xFE0F, 0xE0001, 0xE0020...0xE007F: return true
        default: return s.properties.generalCategory == .format
        }
    }

    @usableFromInline
    static func isEmojiModifier(_ v: UInt32) -> Bool { (0x1F3FB...0x1F3FF).contains(v) }

    @usableFromInline
    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    /// 0, 1, 2, or 3 for "wcwidth is -1".
    @usableFromInline
    static func widthClass(_ v: UInt32) -> UInt8 {
        if v < 0x10000 { return bmpClasses[Int(v)] }
        guard v <= 0x10FFFF else { return 3 }
        return searchRuns(v)
    }

    /// One byte per BMP scalar, built once from the runs: the per-character lookup is one array read.
    @usableFromInline
    static let bmpClasses: [UInt8] = {
        var table = [UInt8](repeating: 3, count: 0x10000)
        let runs = widthRuns
        for i in runs.indices {
            let start = Int(runs[i] >> 2)
            guard start < 0x10000 else { break }
            let end = i + 1 < runs.count ? min(Int(runs[i + 1] >> 2), 0x10000) : 0x10000
            let c = UInt8(runs[i] & 3)
            for v in start..<end { table[v] = c }
        }
        return table
    }()

    static func searchRuns(_ v: UInt32) -> UInt8 {
        let runs = widthRuns
        var lo = 0, hi = runs.count - 1
        // Find the last run whose start is <= v.
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runs[mid] >> 2 <= v { lo = mid } else { hi = mid - 1 }
        }
        return UInt8(runs[lo] & 3)
    }
}
