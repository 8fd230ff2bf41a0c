/// A centred dialog: a box with a title, a message wrapped by display width, optional buttons
/// ("[ OK ]  [ Cancel ]", the selected one in `.selection`) and an optional hint line in `.muted`.
/// It clears the area it covers, so it can be drawn over a finished frame.
public struct Modal: Sendable {
    public var title: String
    /// The text; newlines start new lines.
    public var message: String
    public var buttons: [String]
    public var selectedButton: Int?
    /// A line under the buttons, e.g. "Enter confirm · Esc cancel".
    public var hint: String?
    public var style: BorderStyle
    /// Width of the whole dialog; nil fits the content (between 30 and 72 columns).
    public var preferredWidth: Int?

    public init(title: String, message: String, buttons: [String] = [], selectedButton: Int? = nil,
                hint: String? = nil, style: BorderStyle = .unicode, preferredWidth: Int? = nil) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.hint = hint
        self.style = style
        self.preferredWidth = preferredWidth
    }

    /// Where the dialog goes when drawn centred in `area`.
    public func frame(in area: Rect) -> Rect {
        let longestLine = message.split(separator: "\n").map { String($0).displayWidth }.max() ?? 0
        let contentWidth = max(title.displayWidth + 2, longestLine, buttonsText.displayWidth, hint?.displayWidth ?? 0)
        // Border and one space of padding on each side.
        let width = min(area.width, preferredWidth ?? min(max(contentWidth + 4, 30), 72))
        let lines = message.wrapped(toWidth: max(1, width - 4)).count
        let footer = (buttons.isEmpty ? 0 : 2) + (hint == nil ? 0 : (buttons.isEmpty ? 2 : 1))
        let height = min(area.height, 2 + 1 + lines + footer + 1)
        return area.centered(width: width, height: height)
    }

    /// Draws the dialog centred in `area`; returns its frame.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        let frame = frame(in: area)
        guard frame.width >= 4, frame.height >= 3 else { return frame }
        buffer.fill(frame, role: .dialog)
        let inside = Box(title: title, focused: true, style: style, borderRole: .dialog).render(into: &buffer, area: frame)
        var body = inside.inset(top: 1, left: 1, bottom: 1, right: 1)
        var footerRows: [(String, StyleRole?)] = []
        if !buttons.isEmpty { footerRows.append((buttonsText, nil)) }
        if let hint { footerRows.append((hint, .muted)) }
        let footerHeight = footerRows.isEmpty ? 0 : footerRows.count + 1
        let footer: Rect
        (body, footer) = body.splitBottom(min(footerHeight, max(0, body.height - 1)))
        buffer.writeWrapped(message, in: body, role: .dialog)
        var y = footer.maxY - footerRows.count
        for (text, role) in footerRows where y >= footer.y {
            let row = Rect(x: footer.x, y: y, width: footer.width, height: 1)
            if let role {
                buffer.write(text, in: row, alignment: .center, role: role)
            } else {
                drawButtons(into: &buffer, row: row)
            }
            y += 1
        }
        return frame
    }

    private var buttonsText: String { buttons.map { "[ \($0) ]" }.joined(separator: "  ") }

    private func drawButtons(into buffer: inout ScreenBuffer, row: Rect) {
        let total = buttonsText.displayWidth
        var x = row.x + max(0, (row.width - total) / 2)
        for (i, label) in buttons.enumerated() {
            if i > 0 { x += 2 }
            x += buffer.put("[ \(label) ]", x: x, y: row.y, role: i == selectedButton ? .selection : .dialog, clip: row)
        }
    }
}
