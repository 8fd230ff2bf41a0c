/// One bar: its label, value, and how to show the value (default: the number).
public struct BarChartItem: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var valueText: String?
    /// The bar's role (default `.bar`).
    public var role: StyleRole?

    public init(label: String, value: Double, valueText: String? = nil, role: StyleRole? = nil) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.role = role
    }
}

/// Horizontal bars, one row per item: "label  ████████▌     42". Unicode mode draws eighths of a cell
/// (▏▎▍▌▋▊▉█); ASCII mode draws "#". Any value above zero shows at least a sliver.
public struct BarChart: Sendable {
    public var items: [BarChartItem]
    /// The value of a full-width bar; nil uses the largest value.
    public var maxValue: Double?
    public var style: BorderStyle
    /// Label column width; nil uses the widest label, at most a third of the width.
    public var labelWidth: Int?

    public init(items: [BarChartItem], maxValue: Double? = nil, style: BorderStyle = .unicode, labelWidth: Int? = nil) {
        self.items = items
        self.maxValue = maxValue
        self.style = style
        self.labelWidth = labelWidth
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty, !items.isEmpty else { return }
        let scale = maxValue ?? items.map(\.value).max() ?? 0
        let texts = items.map { $0.valueText ?? Self.format($0.value) }
        let valueWidth = min(texts.map(\.displayWidth).max() ?? 0, area.width / 3)
        let labelWidth = min(self.labelWidth ?? items.map(\.label.displayWidth).max() ?? 0, area.width / 3)
        let barWidth = max(0, area.width - labelWidth - valueWidth - (labelWidth > 0 ? 1 : 0) - (valueWidth > 0 ? 1 : 0))
        for (i, item) in items.prefix(area.height).enumerated() {
            let y = area.y + i
            var x = area.x
            if labelWidth > 0 {
                buffer.write(item.label, in: Rect(x: x, y: y, width: labelWidth, height: 1), role: .normal)
                x += labelWidth + 1
            }
            let bar = Self.bar(value: item.value, maxValue: scale, width: barWidth, unicode: style.isUnicode)
            buffer.fill(Rect(x: x, y: y, width: barWidth, height: 1), role: .normal)
            buffer.put(bar, x: x, y: y, role: item.role ?? .bar, clip: Rect(x: x, y: y, width: barWidth, height: 1))
            x += barWidth
            if valueWidth > 0 {
                buffer.write(texts[i], in: Rect(x: x + 1, y: y, width: valueWidth, height: 1), alignment: .right)
            }
        }
    }

    /// The bar for `value` on a scale where `maxValue` fills `width` cells.
    public static func bar(value: Double, maxValue: Double, width: Int, unicode: Bool) -> String {
        guard width > 0, maxValue > 0, value.isFinite, value > 0 else { return "" }
        let fraction = min(value / maxValue, 1)
        if !unicode {
            let cells = max(1, Int((fraction * Double(width)).rounded()))
            return String(repeating: "#", count: cells)
        }
        let eighths = max(1, Int((fraction * Double(width) * 8).rounded()))
        let partial = eighths % 8
        return String(repeating: "█", count: eighths / 8) + (partial > 0 ? partialBlocks[partial - 1] : "")
    }

    /// ▏ is one eighth of a cell, ▉ seven eighths.
    static let partialBlocks = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Whole numbers without ".0"; others with one decimal.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }
}
