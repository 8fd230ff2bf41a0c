import Foundation

/// Text a person typed or a file imported: names, concerns, notes. It is stored and later drawn on a
/// terminal, so nothing in it may talk to the terminal (move the cursor, set colors or the title, reorder text).
public enum FreeText {
    /// Removes C0/C1 control characters, DEL, whole escape sequences (CSI, OSC, DCS, SOS, PM, APC,
    /// two-character escapes, in ESC-prefixed and C1 forms) and bidirectional embeddings, overrides and
    /// isolates. Tabs, newlines and line/paragraph separators become one space each (CR LF counts as one).
    /// The result is trimmed.
    public static func sanitize(_ raw: String) -> String {
        isClean(raw) ? raw : sanitizeInFull(raw)
    }

    /// `sanitize` without the shortcut for clean text.
    static func sanitizeInFull(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var rest = Array(raw.unicodeScalars)[...]
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
            case 0x0D:
                out.append(" ")
                if rest.first == "\n" { rest = rest.dropFirst() }
            case 0x09, 0x0A, 0x0B, 0x0C, 0x2028, 0x2029:
                out.append(" ")
            default:
                if !isUnsafe(s) { out.append(s) }
            }
        }
        return String(out).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when `sanitize` would return the text as it is (the common case, checked without
    /// building a copy): no character it removes or replaces, and no white space at either end.
    static func isClean(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return true }
        if isSpace(first) || isSpace(last) { return false }
        return !scalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && isUnsafe($0)) }
    }

    /// What trimming `.whitespacesAndNewlines` removes at the ends (and a little more, to be safe).
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x21 || (0x7F...0xA0).contains(s.value) { return true }
        guard s.value > 0x7F else { return false }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return s.properties.isWhitespace
        }
    }

    /// Sanitizes, then checks the length in characters (as the clerk counts them). An empty result
    /// is an error only when `required`.
    public static func clean(_ raw: String, field: Field, maxLength: Int, required: Bool = false) throws -> String {
        let text = sanitize(raw)
        let label = field.label
        if text.isEmpty {
            if required {
                throw ValidationError(field, zh: "请填写\(label.zh)", en: "\(label.en) is required")
            }
            return text
        }
        let count = text.count
        if count > maxLength {
            throw ValidationError(
                field,
                zh: "\(label.zh)最多 \(maxLength) 个字，现在有 \(count) 个字，请删减",
                en: "\(label.en) is too long: \(count) characters, at most \(maxLength) allowed")
        }
        return text
    }

    /// `clean` for notes: the line breaks people typed are kept (as `\n`; CR LF and CR become one),
    /// each line is sanitized on its own, blank lines at either end are dropped.
    public static func cleanKeepingLines(_ raw: String, field: Field, maxLength: Int) throws -> String {
        if isClean(raw) { return try clean(raw, field: field, maxLength: maxLength) }
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = unified.split(omittingEmptySubsequences: false) { c in
            c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\r\n"
        }.map { sanitize(String($0)) }
        let kept = lines.drop(while: \.isEmpty).reversed().drop(while: \.isEmpty).reversed()
        let text = kept.joined(separator: "\n")
        if text.count > maxLength {
            throw ValidationError(
                field,
                zh: "\(field.label.zh)最多 \(maxLength) 个字，现在有 \(text.count) 个字，请删减",
                en: "\(field.label.en) is too long: \(text.count) characters, at most \(maxLength) allowed")
        }
        return text
    }

    /// Control characters (C0, DEL, C1) and the characters that change the text's direction: what a
    /// name must never hold. (Zero-width spaces and the like are only invisible: they are removed.)
    static func isControlOrDirection(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Characters that must never reach the terminal on their own.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
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
