/// Where text sits in a wider space.
public enum TextAlignment: Sendable, Hashable {
    case left, right, center
}

/// What to do with text wider than its space.
public enum Truncation: Sendable, Hashable {
    /// Cut at the edge.
    case clip
    /// Cut and end with "…" so the reader knows there is more.
    case ellipsis
}

/// Measuring and fitting text by display columns, never by `count`. Every result is sanitized
/// (`TerminalText.sanitize`): the width measured is the width `ScreenBuffer.put` will write.
extension String {
    /// Columns this text takes on screen (after sanitizing).
    public var displayWidth: Int { DisplayWidth.of(TerminalText.sanitize(self)) }

    /// At most `width` columns of this text. A wide character that does not fit at the edge becomes
    /// padding, so the result is exactly `min(width, displayWidth)` columns.
    public func clipped(toWidth width: Int) -> String {
        let fit = TerminalText.sanitize(self).prefixFitting(width)
        return fit.complete ? fit.text : fit.text + String(repeating: " ", count: max(0, width - fit.width))
    }

    /// Exactly `width` columns: clipped when longer, padded with spaces according to `alignment` when shorter.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let fit = TerminalText.sanitize(self).prefixFitting(width)
        let extra = max(0, width - fit.width)
        switch alignment {
        case .left: return fit.text + String(repeating: " ", count: extra)
        case .right: return String(repeating: " ", count: extra) + fit.text
        case .center:
            let left = extra / 2
            return String(repeating: " ", count: left) + fit.text + String(repeating: " ", count: extra - left)
        }
    }

    /// This text if it fits in `width` columns; otherwise as much as fits followed by `ellipsis`
    /// (padded so the result is exactly `width` columns when a wide character had to go).
    public func ellipsized(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let clean = TerminalText.sanitize(self)
        let total = DisplayWidth.of(clean)
        if total <= width { return clean }
        let mark = TerminalText.sanitize(ellipsis)
        let markWidth = DisplayWidth.of(mark)
        if markWidth >= width { return mark.clipped(toWidth: width) }
        var head = clean.prefixFitting(width - markWidth).text
        while head.last == " " { head.removeLast() }
        let used = DisplayWidth.of(head) + markWidth
        return head + mark + String(repeating: " ", count: max(0, width - used))
    }

    /// `ellipsized` or `clipped`, by `truncation`.
    public func truncated(toWidth width: Int, _ truncation: Truncation) -> String {
        switch truncation {
        case .clip: return clipped(toWidth: width)
        case .ellipsis: return ellipsized(toWidth: width)
        }
    }

    /// The longest prefix of whole characters within `width` columns (no padding), its width, and
    /// whether that is the whole string. Zero-width characters right after the cut stay with it.
    func prefixFitting(_ width: Int) -> (text: String, width: Int, complete: Bool) {
        var used = 0
        var end = startIndex
        for i in indices {
            let w = DisplayWidth.of(self[i])
            if used + w > width { return (String(self[..<end]), used, false) }
            used += w
            end = index(after: i)
        }
        return (self, used, true)
    }
}
