/// A table column: its title, how wide it is, and how its text sits.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: LayoutConstraint
    /// Columns never get narrower than this while there is room (the last ones go first when there is not).
    public var minWidth: Int
    public var alignment: TextAlignment

    public init(_ title: String, width: LayoutConstraint = .fill, minWidth: Int = 1,
                alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.minWidth = max(0, minWidth)
        self.alignment = alignment
    }
}

/// One cell's text and, optionally, its own role (overriding the row's).
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole?
    public init(_ text: String, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }
    public init(stringLiteral value: String) { self.init(value) }
}

public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    /// The role of the whole row (e.g. an overdue repair order); cells may override it.
    public var role: StyleRole?
    public init(_ cells: [TableCell], role: StyleRole? = nil) {
        self.cells = cells
        self.role = role
    }
    public init(texts: [String], role: StyleRole? = nil) {
        self.init(texts.map { TableCell($0) }, role: role)
    }
}

/// A table with a header row, one line per row, and a selection bar across the selected row.
/// Text is cut by display width with an ellipsis; rows scroll to keep the selection visible.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    /// Shown (muted, centred) when there are no rows.
    public var emptyMessage: String
    public var showsHeader: Bool
    /// Cells between columns.
    public var columnSpacing: Int
    /// The selection bar's role; nil draws no bar (e.g. when another panel has the focus).
    public var selectionRole: StyleRole?
    public var style: BorderStyle
    /// All the rows there are; `rows` may hold only a window of them (see `window`).
    public var rowCount: Int { windowRowCount ?? rows.count }
    /// The index of `rows[0]` among all rows.
    public private(set) var firstRowIndex = 0
    private var windowRowCount: Int?

    public init(columns: [TableColumn], rows: [TableRow], emptyMessage: String = "", showsHeader: Bool = true,
                columnSpacing: Int = 1, selectionRole: StyleRole? = .selection, style: BorderStyle = .unicode) {
        self.columns = columns
        self.rows = rows
        self.emptyMessage = emptyMessage
        self.showsHeader = showsHeader
        self.columnSpacing = max(0, columnSpacing)
        self.selectionRole = selectionRole
        self.style = style
    }

    /// Only the rows that will be drawn, for long lists whose rows are costly to build: `rowCount` rows
    /// in all, `rows` being those from `firstRowIndex` on. Use `visibleRange` to know which to build.
    public func window(_ rows: [TableRow], from firstRowIndex: Int, of rowCount: Int) -> Table {
        var table = self
        table.rows = rows
        table.firstRowIndex = firstRowIndex
        table.windowRowCount = rowCount
        return table
    }

    /// The indexes of the rows a table in `area` shows, for `rowCount` rows and this selection.
    public func visibleRange(rowCount: Int, in area: Rect, state: TableState) -> Range<Int> {
        state.visibleRows(rowCount: rowCount, visibleHeight: Self.visibleRowCount(in: area, showsHeader: showsHeader))
    }

    /// Rows of data a table in `area` shows (its height less the header row).
    public static func visibleRowCount(in area: Rect, showsHeader: Bool = true) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// Column widths for a table `width` cells wide.
    public func columnWidths(forWidth width: Int) -> [Int] {
        Layout.sizes(columns.map(\.width), length: width, spacing: columnSpacing, minimums: columns.map(\.minWidth))
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, state: TableState) {
        guard !area.isEmpty else { return }
        buffer.fill(area, role: .normal)
        let widths = columnWidths(forWidth: area.width)
        var body = area
        if showsHeader {
            let header: Rect
            (header, body) = area.splitTop(1)
            buffer.fill(header, role: .header)
            drawCells(columns.map { TableCell($0.title) }, widths: widths, row: header, role: .header,
                      overrideRole: .header, into: &buffer)
        }
        guard !body.isEmpty else { return }
        guard rowCount > 0 else {
            if !emptyMessage.isEmpty {
                buffer.writeWrapped(emptyMessage, in: body, alignment: .center, role: .muted)
            }
            return
        }
        let visible = state.visibleRows(rowCount: rowCount, visibleHeight: body.height)
        for (line, index) in visible.enumerated() where rows.indices.contains(index - firstRowIndex) {
            let rowRect = body.row(line)
            let row = rows[index - firstRowIndex]
            let rowRole = row.role ?? .normal
            if let selectionRole, state.isSelected(index, rowCount: rowCount) {
                buffer.fill(rowRect, role: selectionRole)
                drawCells(row.cells, widths: widths, row: rowRect, role: selectionRole, overrideRole: selectionRole,
                          into: &buffer)
            } else {
                if rowRole != .normal { buffer.fill(rowRect, role: rowRole) }
                drawCells(row.cells, widths: widths, row: rowRect, role: rowRole, overrideRole: nil, into: &buffer)
            }
        }
    }

    /// Writes one line of cells. `overrideRole` wins over cell roles (header, selection bar).
    private func drawCells(_ cells: [TableCell], widths: [Int], row: Rect, role: StyleRole, overrideRole: StyleRole?,
                           into buffer: inout ScreenBuffer) {
        var x = row.x
        for (i, column) in columns.enumerated() {
            let w = widths[i]
            defer { x += w + columnSpacing }
            guard w > 0 else { continue }
            let cell = i < cells.count ? cells[i] : TableCell("")
            let text = cell.text.ellipsized(toWidth: w, ellipsis: style.ellipsis)
            buffer.write(text, in: Rect(x: x, y: row.y, width: w, height: 1), alignment: column.alignment,
                         role: overrideRole ?? cell.role ?? role, truncation: .clip)
        }
    }
}
