/// The characters borders and other line art are drawn with: box-drawing characters in a UTF-8
/// locale, plain ASCII otherwise (a non-UTF-8 terminal would show garbage for "┌").
public struct BorderStyle: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Marks text cut short.
    public var ellipsis: String
    /// Whether block elements (█ ▏…▉) may be used, e.g. by `BarChart`.
    public var isUnicode: Bool

    public init(horizontal: String, vertical: String, topLeft: String, topRight: String, bottomLeft: String,
                bottomRight: String, ellipsis: String, isUnicode: Bool) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.ellipsis = ellipsis
        self.isUnicode = isUnicode
    }

    /// ┌─┐│└┘
    public static let unicode = BorderStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                            bottomLeft: "└", bottomRight: "┘", ellipsis: "…", isUnicode: true)
    /// +-|
    public static let ascii = BorderStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                          bottomLeft: "+", bottomRight: "+", ellipsis: "~", isUnicode: false)

    /// `.unicode` when the terminal's locale is UTF-8, `.ascii` otherwise.
    public static func forLocale(isUTF8: Bool) -> BorderStyle { isUTF8 ? .unicode : .ascii }
}

/// A bordered panel with an optional title on the top edge ("┌─ Title ──── 3/12 ─┐").
public struct Box: Sendable {
    public var title: String?
    /// Shown at the right end of the top edge (counts, page numbers); dropped first when space is short.
    public var rightTitle: String?
    /// The focused panel's title uses `.titleFocus`, others `.title`.
    public var focused: Bool
    public var style: BorderStyle
    public var borderRole: StyleRole
    /// When set, the inside is cleared with this role before anything is drawn in it.
    public var fillRole: StyleRole?

    public init(title: String? = nil, rightTitle: String? = nil, focused: Bool = false, style: BorderStyle = .unicode,
                borderRole: StyleRole = .border, fillRole: StyleRole? = nil) {
        self.title = title
        self.rightTitle = rightTitle
        self.focused = focused
        self.style = style
        self.borderRole = borderRole
        self.fillRole = fillRole
    }

    /// The area inside a border drawn around `area`.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border and title; returns the inside area. Needs at least 2x2 cells.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        let inside = Box.inner(area)
        guard area.width >= 2, area.height >= 2 else { return inside }
        if let fillRole { buffer.fill(inside, role: fillRole) }
        let top = area.y, bottom = area.maxY - 1, left = area.x, right = area.maxX - 1
        let h = style.horizontal
        buffer.put(style.topLeft + String(repeating: h, count: area.width - 2) + style.topRight,
                   x: left, y: top, role: borderRole, clip: area)
        buffer.put(style.bottomLeft + String(repeating: h, count: area.width - 2) + style.bottomRight,
                   x: left, y: bottom, role: borderRole, clip: area)
        for y in (top + 1)..<bottom {
            buffer.put(style.vertical, x: left, y: y, role: borderRole, clip: area)
            buffer.put(style.vertical, x: right, y: y, role: borderRole, clip: area)
        }
        drawTitles(into: &buffer, area: area)
        return inside
    }

    private func drawTitles(into buffer: inout ScreenBuffer, area: Rect) {
        // Room between "┌─" and "─┐", each title padded by a space on both sides.
        let room = area.width - 4
        var used = 0
        if let title, !title.isEmpty, room >= 3 {
            let text = " " + title.ellipsized(toWidth: room - 2, ellipsis: style.ellipsis) + " "
            used = buffer.put(text, x: area.x + 2, y: area.y, role: focused ? .titleFocus : .title,
                              clip: Rect(x: area.x + 2, y: area.y, width: room, height: 1))
        }
        if let rightTitle, !rightTitle.isEmpty {
            let text = " " + TerminalText.sanitize(rightTitle) + " "
            let w = DisplayWidth.of(text)
            // Keep one border cell between the two titles.
            guard w <= room - used - (used > 0 ? 1 : 0) else { return }
            buffer.put(text, x: area.maxX - 2 - w, y: area.y, role: .title)
        }
    }
}
