/// One line of a list, with an optional role.
public struct ListItem: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole?
    public init(_ text: String, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }
    public init(stringLiteral value: String) { self.init(value) }
}

/// A single-column list with a selection bar; scrolls like `Table` and shares its `TableState`.
public struct ListView: Sendable {
    public var items: [ListItem]
    public var emptyMessage: String
    public var selectionRole: StyleRole?
    public var style: BorderStyle

    public init(items: [ListItem], emptyMessage: String = "", selectionRole: StyleRole? = .selection,
                style: BorderStyle = .unicode) {
        self.items = items
        self.emptyMessage = emptyMessage
        self.selectionRole = selectionRole
        self.style = style
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, state: TableState) {
        Table(columns: [TableColumn("", width: .fill)],
              rows: items.map { TableRow([TableCell($0.text)], role: $0.role) },
              emptyMessage: emptyMessage, showsHeader: false, selectionRole: selectionRole, style: style)
            .render(into: &buffer, area: area, state: state)
    }
}
