/// The one rule for text that must never talk to the terminal (move the cursor, set colours or the
/// title, reorder what follows). Used where text enters the screen buffer (`ScreenKit.ScreenBuffer.put`)
/// and where typed or imported text is cleaned before it is stored (`ServiceDomain.FreeText`), so the
/// two can never disagree about what an escape sequence is.
public enum ControlText {
    /// Removes C0/C1 control characters, DEL, whole escape sequences (CSI, OSC, DCS, SOS, PM, APC,
    /// two-character escapes, in ESC-prefixed and C1 forms), bidirectional embeddings, overrides and
    /// isolates, and the invisible marks listed in `isUnsafe`. Tabs, CR, LF and line/paragraph
    /// separators become one space each. Nothing is trimmed: a caller that stores text trims it (and
    /// folds CR LF first); a caller that draws it keeps its padding.
    public static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        var rest = Array(text.unicodeScalars)[...]
        while let s = rest.popFirst() {
            switch s.value {
            case 0x1B: // ESC
                rest = afterEscape(rest)
            case 0x9B: // C1 CSI
                rest = afterControlSequence(rest)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // C1 DCS, SOS, OSC, PM, APC
                rest = afterControlString(rest)
            case 0x8E, 0x8F: // C1 SS2/SS3 select the next character from another set: drop both
                if let next = rest.first, isPrintableASCII(next) { rest = rest.dropFirst() }
            case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029:
                out.append(" ")
            default:
                if !isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Control characters (C0, DEL, C1) and the characters that change the text's direction: what a
    /// name must never hold. (Zero-width spaces and the like are only invisible: `strip` removes them.)
    public static func isControlOrDirection(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Characters that must never reach the terminal on their own.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidi embeddings/overrides (LRE…RLO) and isolates (LRI…PDI): they reorder what follows.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        // Invisible direction marks, zero-width space, word joiner and the byte-order mark: they hide
        // in copied text and break searching. (Zero-width joiners stay: emoji and scripts need them.)
        case 0x200B, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF: return true
        case 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isPrintableASCII(_ s: Unicode.Scalar) -> Bool { (0x20...0x7E).contains(s.value) }

    /// Skips what an ESC starts. An ESC followed by nothing it can start is dropped alone.
    private static func afterEscape(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let next = rest.first else { return rest }
        switch next {
        case "[":
            return afterControlSequence(rest.dropFirst())
        case "]", "P", "X", "^", "_":
            return afterControlString(rest.dropFirst())
        case "N", "O": // SS2/SS3 (ESC O A is an arrow key): drop the selected character too
            var r = rest.dropFirst()
            if let c = r.first, isPrintableASCII(c) { r = r.dropFirst() }
            return r
        default:
            // nF escapes (ESC ( B …): intermediates 0x20–0x2F, then one final byte 0x30–0x7E.
            // Fp/Fe/Fs escapes (ESC 7, ESC c …): a single final byte.
            var r = rest
            while let c = r.first, (0x20...0x2F).contains(c.value) { r = r.dropFirst() }
            if let c = r.first, (0x30...0x7E).contains(c.value) { r = r.dropFirst() }
            return r
        }
    }

    /// Skips a CSI body: parameters and intermediates (0x20–0x3F), then the final byte (0x40–0x7E).
    /// Controls inside are dropped as the terminal would execute them; CAN, SUB or ESC abort the
    /// sequence; any other character ends it without being swallowed.
    private static func afterControlSequence(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var r = rest
        while let c = r.first {
            switch c.value {
            case 0x20...0x3F:
                r = r.dropFirst()
            case 0x40...0x7E:
                return r.dropFirst()
            case 0x18, 0x1A:
                return r.dropFirst()
            case 0x1B:
                return r
            case 0x00...0x1F, 0x7F:
                r = r.dropFirst()
            default:
                return r
            }
        }
        return r
    }

    /// Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator: BEL, ST (ESC \ or 0x9C),
    /// or an ESC that starts something else. An unterminated string runs to the end, as it would on a terminal.
    private static func afterControlString(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var r = rest
        while let c = r.popFirst() {
            switch c.value {
            case 0x07, 0x9C, 0x18, 0x1A:
                return r
            case 0x1B:
                if r.first == "\\" { return r.dropFirst() }
                // Put the ESC back so the sequence it starts is skipped as well.
                return rest[(r.startIndex - 1)...]
            default:
                continue
            }
        }
        return r
    }
}
