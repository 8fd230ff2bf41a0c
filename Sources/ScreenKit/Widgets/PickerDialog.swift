/// A centred list to choose one line from (a stage, an outcome, a person), with the selection bar and a
/// hint line under it; it scrolls to keep the selection visible and clears the area it covers.
public struct PickerDialog: Sendable {
    public var title: String
    public var labels: [String]
    public var selected: Int
    public var hint: String
    public var style: BorderStyle
    /// The narrowest the dialog gets, and the room kept beside the longest label.
    public var minimumWidth: Int
    public var labelPadding: Int
    /// Rows besides the labels: the border, the hint, and any blank line.
    public var chromeRows: Int

    public init(title: String, labels: [String], selected: Int, hint: String, style: BorderStyle = .unicode,
                minimumWidth: Int = 40, labelPadding: Int = 6, chromeRows: Int = 3) {
        self.title = title
        self.labels = labels
        self.selected = selected
        self.hint = hint
        self.style = style
        self.minimumWidth = minimumWidth
        self.labelPadding = labelPadding
        self.chromeRows = chromeRows
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let width = min(area.width - 4, max(minimumWidth, (labels.map(\.displayWidth).max() ?? 0) + labelPadding,
                                            title.displayWidth + 6))
        let height = min(area.height, labels.count + chromeRows)
        let frame = area.centered(width: width, height: height)
        buffer.fill(frame, role: .dialog)
        let inner = Box(title: title, focused: true, style: style, borderRole: .dialog).render(into: &buffer, area: frame)
        let visible = max(1, inner.height - 1)
        let first = max(0, min(selected - visible + 1, labels.count - visible))
        for (row, index) in (first..<min(labels.count, first + visible)).enumerated() {
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            let isSelected = index == selected
            if isSelected { buffer.fill(line, role: .selection) }
            buffer.write(" " + labels[index], in: line, role: isSelected ? .selection : .dialog)
        }
        buffer.write(hint, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), alignment: .center,
                     role: .muted)
    }
}

/// A centred one-line text field with a title and a hint under it (a reason, a note, a time).
public struct PromptDialog: Sendable {
    public var title: String
    public var input: TextInputState
    public var hint: String
    public var style: BorderStyle

    public init(title: String, input: TextInputState, hint: String, style: BorderStyle = .unicode) {
        self.title = title
        self.input = input
        self.hint = hint
        self.style = style
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let frame = area.centered(width: min(area.width - 4, 72), height: 6)
        buffer.fill(frame, role: .dialog)
        let inner = Box(title: title, focused: true, style: style, borderRole: .dialog).render(into: &buffer, area: frame)
        TextInput(placeholder: "", focused: true)
            .render(into: &buffer, area: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1), state: input)
        buffer.write(hint, in: Rect(x: inner.x + 1, y: inner.y + 3, width: inner.width - 2, height: 1), role: .muted)
    }
}
