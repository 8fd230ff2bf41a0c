/// Word wrap by display columns. Lines break at spaces, and between any two CJK (wide) characters,
/// except that closing punctuation ("，。）…") never starts a line and opening punctuation ("（「")
/// never ends one. A word longer than the line is broken where it reaches the edge.
extension String {
    /// The lines of this text wrapped to `width` columns. Newlines start new lines (a blank line stays
    /// blank); spaces at a break are dropped; each line is sanitized and at most `width` columns (unless one
    /// character alone is wider).
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        let paragraphs = replacingOccurrences("\r\n", with: "\n").split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
        for paragraph in paragraphs {
            var wrapper = WordWrapper(width: width)
            wrapper.wrap(TerminalText.sanitize(String(paragraph)), into: &lines)
        }
        return lines
    }

    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

private struct WordWrapper {
    let width: Int
    var line: [Character] = []
    var widths: [Int] = []
    var lineWidth = 0
    /// Index in `line` where it may be broken: `line[..<breakIndex]` stays, the rest moves down.
    var breakIndex: Int?

    init(width: Int) { self.width = width }

    mutating func wrap(_ paragraph: String, into lines: inout [String]) {
        var produced = 0
        var previous: Character?
        for ch in paragraph {
            let w = DisplayWidth.of(ch)
            if ch == " " {
                // Spaces never start a wrapped line and may hang past the edge (they are trimmed).
                if line.isEmpty && produced > 0 { previous = ch; continue }
                append(ch, w)
                breakIndex = line.count
                previous = ch
                continue
            }
            if let prev = previous, prev != " ", Self.mayBreak(between: prev, and: ch) {
                breakIndex = line.count
            }
            while lineWidth + w > width, !line.isEmpty {
                if let b = breakIndex, b > 0 {
                    emit(upTo: b, into: &lines)
                } else {
                    emit(upTo: line.count, into: &lines)
                }
                produced += 1
            }
            append(ch, w)
            previous = ch
        }
        if !line.isEmpty || produced == 0 {
            emit(upTo: line.count, into: &lines)
        }
    }

    private mutating func append(_ ch: Character, _ w: Int) {
        line.append(ch)
        widths.append(w)
        lineWidth += w
    }

    /// Moves `line[..<end]` (trailing spaces trimmed) into `lines`; the rest, without leading spaces, stays.
    private mutating func emit(upTo end: Int, into lines: inout [String]) {
        var head = line[..<end]
        while head.last == " " { head.removeLast() }
        lines.append(String(head))
        var start = end
        while start < line.count, line[start] == " " { start += 1 }
        line = Array(line[start...])
        widths = Array(widths[start...])
        lineWidth = widths.reduce(0, +)
        // The part that moved down is one unbroken word; if it still does not fit with the next
        // character, the caller's loop breaks it at the edge.
        breakIndex = nil
    }

    static func mayBreak(between a: Character, and b: Character) -> Bool {
        if noLineStart.contains(b) || noLineEnd.contains(a) { return false }
        return DisplayWidth.of(a) == 2 || DisplayWidth.of(b) == 2
    }

    /// Closing punctuation that must not begin a line.
    static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "〕", "〉", "》", "”", "’",
        "…", "‥", "・", "ー", "々", "～", "〜", "．", "％", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]
    /// Opening punctuation that must not end a line.
    static let noLineEnd: Set<Character> = ["（", "「", "『", "【", "〔", "〈", "《", "“", "‘", "(", "[", "{"]
}
