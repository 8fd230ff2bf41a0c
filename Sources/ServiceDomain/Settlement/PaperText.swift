import Foundation

/// Plain-text layout by display width (a Chinese character takes two columns), for the printed papers.
public enum PaperText {
    /// The paper widths: A4 or 241 mm continuous paper (80 columns), 80 mm receipt paper (48 columns).
    public enum Width: Int, Sendable, CaseIterable {
        case a4 = 80
        case receipt = 48

        /// The `print.width` setting: `80`, `48`, `a4`, `receipt`; anything else is A4.
        public init(setting: String?) {
            switch setting?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "48", "receipt", "80mm": self = .receipt
            default: self = .a4
            }
        }
    }

    public static func width(_ text: String) -> Int { text.displayWidthForReport }

    /// `text` cut to at most `columns` display columns (a wide character never split), with `…` when cut.
    public static func truncate(_ text: String, _ columns: Int) -> String {
        guard width(text) > columns else { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = width(String(ch))
            if used + w > columns - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    public static func left(_ text: String, _ columns: Int) -> String {
        let t = truncate(text, columns)
        return t + String(repeating: " ", count: max(0, columns - width(t)))
    }

    /// Flush right; never cut (amounts are right-aligned, and a digit must never be lost: the line grows).
    public static func right(_ text: String, _ columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - width(text))) + text
    }

    public static func center(_ text: String, _ columns: Int) -> String {
        let t = truncate(text, columns)
        return String(repeating: " ", count: max(0, (columns - width(t)) / 2)) + t
    }

    /// `left` and `right` on one line of `columns`, the right part flush right; on two lines when both do not fit.
    public static func spread(_ leftText: String, _ rightText: String, _ columns: Int) -> [String] {
        let gap = columns - width(leftText) - width(rightText)
        if gap >= 1 { return [leftText + String(repeating: " ", count: gap) + rightText] }
        return [truncate(leftText, columns), right(rightText, columns)]
    }

    /// Label-value pairs laid out two per line when both fit in half the width, else one per line.
    public static func pairs(_ items: [(String, String)], _ columns: Int, separator: String = "：") -> [String] {
        let half = columns / 2
        var lines: [String] = []
        var pending: String?
        for (label, value) in items {
            let cell = label + separator + value
            if width(cell) < half {
                if let p = pending {
                    lines.append(left(p, half) + cell)
                    pending = nil
                } else {
                    pending = cell
                }
            } else {
                if let p = pending { lines.append(p); pending = nil }
                lines.append(truncate(cell, columns))
            }
        }
        if let p = pending { lines.append(p) }
        return lines
    }

    /// `text` broken into lines of at most `columns` display columns (at spaces where it can, else anywhere:
    /// Chinese has no spaces), continuation lines indented by `indent` spaces.
    public static func wrap(_ text: String, _ columns: Int, indent: Int = 0) -> [String] {
        var lines: [String] = []
        var current = ""
        for ch in text {
            if width(current + String(ch)) > columns {
                if let space = current.lastIndex(of: " "), ch != " ", current.distance(from: space, to: current.endIndex) < columns / 3 {
                    let rest = String(current[current.index(after: space)...])
                    lines.append(String(current[..<space]))
                    current = String(repeating: " ", count: indent) + rest
                } else {
                    lines.append(current)
                    current = String(repeating: " ", count: indent)
                }
                if ch == " " { continue }
            }
            current.append(ch)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(current) }
        return lines
    }

    /// Cells laid out in columns of the given widths (negative: flush right), separated by one space.
    public static func row(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).map { cell, w in w < 0 ? right(cell, -w) : left(cell, w) }
            .joined(separator: " ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
}
