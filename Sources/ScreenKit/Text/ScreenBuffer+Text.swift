extension ScreenBuffer {
    /// Writes one line of text in the first row of `rect`, aligned, and cut to its width (with "…" by
    /// default). The whole row of `rect` is written, so old content there is replaced.
    /// Returns the columns the text itself took.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, alignment: TextAlignment = .left,
                               role: StyleRole = .normal, attributes: TextAttributes = [],
                               truncation: Truncation = .ellipsis) -> Int {
        guard !rect.isEmpty else { return 0 }
        let fitted = text.truncated(toWidth: rect.width, truncation)
        let textWidth = DisplayWidth.of(fitted)
        let line = fitted.padded(toWidth: rect.width, alignment: alignment)
        put(line, x: rect.x, y: rect.y, role: role, attributes: attributes,
            clip: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        return textWidth
    }

    /// Writes `text` word-wrapped into `rect`, one row per line; lines past the bottom are dropped
    /// (the last shown line ends with "…" when something was dropped). Returns the rows used.
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, alignment: TextAlignment = .left,
                                      role: StyleRole = .normal, attributes: TextAttributes = []) -> Int {
        guard !rect.isEmpty else { return 0 }
        var lines = text.wrapped(toWidth: rect.width)
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height))
            let last = lines[lines.count - 1]
            lines[lines.count - 1] = DisplayWidth.of(last) < rect.width
                ? last + "…" : last.prefixFitting(rect.width - 1).text + "…"
        }
        for (i, line) in lines.enumerated() {
            write(line, in: Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1),
                  alignment: alignment, role: role, attributes: attributes)
        }
        return lines.count
    }
}
