/// A selection move in a table or list.
public enum SelectionMove: Sendable, Hashable {
    case next, previous, pageDown, pageUp, home, end
    case index(Int)
}

/// Which row of a table (or list) is selected and which row is at the top. The application keeps
/// this in its own state; `Table.render` only reads it (and scrolls further if the selection would
/// otherwise be off screen, so a stale `offset` never hides the selection).
public struct TableState: Sendable, Hashable {
    /// The selected row; 0 when there are no rows.
    public var selected: Int
    /// The first row shown.
    public var offset: Int
    /// Rows on screen, as last told through a `visibleHeight` argument; page moves use it.
    public var pageSize: Int

    public init(selected: Int = 0, offset: Int = 0, pageSize: Int = 10) {
        self.selected = max(0, selected)
        self.offset = max(0, offset)
        self.pageSize = max(1, pageSize)
    }

    /// Moves the selection and scrolls so it stays on screen. `visibleHeight` (rows the table shows)
    /// is remembered as the page size; without it the last one told is used.
    public mutating func select(_ move: SelectionMove, rowCount: Int, visibleHeight: Int? = nil) {
        if let visibleHeight { pageSize = max(1, visibleHeight) }
        guard rowCount > 0 else {
            selected = 0
            offset = 0
            return
        }
        let last = rowCount - 1
        switch move {
        case .next: selected = min(selected + 1, last)
        case .previous: selected = max(selected - 1, 0)
        case .pageDown:
            selected = min(selected + pageSize, last)
            offset += pageSize
        case .pageUp:
            selected = max(selected - pageSize, 0)
            offset -= pageSize
        case .home: selected = 0
        case .end: selected = last
        case .index(let i): selected = min(max(i, 0), last)
        }
        offset = scrolledOffset(rowCount: rowCount, visibleHeight: pageSize)
    }

    /// Selects row `index` (clamped to the rows there are).
    public mutating func select(_ index: Int, rowCount: Int, visibleHeight: Int? = nil) {
        select(.index(index), rowCount: rowCount, visibleHeight: visibleHeight)
    }

    public mutating func moveDown(rowCount: Int, visibleHeight: Int? = nil) {
        select(.next, rowCount: rowCount, visibleHeight: visibleHeight)
    }
    public mutating func moveUp(rowCount: Int, visibleHeight: Int? = nil) {
        select(.previous, rowCount: rowCount, visibleHeight: visibleHeight)
    }
    public mutating func pageDown(rowCount: Int, visibleHeight: Int? = nil) {
        select(.pageDown, rowCount: rowCount, visibleHeight: visibleHeight)
    }
    public mutating func pageUp(rowCount: Int, visibleHeight: Int? = nil) {
        select(.pageUp, rowCount: rowCount, visibleHeight: visibleHeight)
    }
    public mutating func moveToFirst(rowCount: Int, visibleHeight: Int? = nil) {
        select(.home, rowCount: rowCount, visibleHeight: visibleHeight)
    }
    public mutating func moveToLast(rowCount: Int, visibleHeight: Int? = nil) {
        select(.end, rowCount: rowCount, visibleHeight: visibleHeight)
    }

    /// Keeps the selection and offset valid after the rows changed (fewer rows, new results).
    public mutating func clamp(rowCount: Int, visibleHeight: Int? = nil) {
        select(.index(selected), rowCount: rowCount, visibleHeight: visibleHeight)
    }

    /// Whether `row` is the selected one (false when there are no rows).
    public func isSelected(_ row: Int, rowCount: Int) -> Bool {
        rowCount > 0 && row == min(selected, rowCount - 1)
    }

    /// The first row to show in `visibleHeight` rows: `offset`, moved just enough to show the selection
    /// and never leaving empty rows at the bottom while there are rows above.
    public func scrolledOffset(rowCount: Int, visibleHeight: Int) -> Int {
        let h = max(1, visibleHeight)
        guard rowCount > h else { return 0 }
        let sel = min(max(selected, 0), rowCount - 1)
        var top = min(max(offset, 0), rowCount - h)
        if sel < top { top = sel }
        if sel >= top + h { top = sel - h + 1 }
        return top
    }

    /// The rows shown in `visibleHeight` rows.
    public func visibleRows(rowCount: Int, visibleHeight: Int) -> Range<Int> {
        let top = scrolledOffset(rowCount: rowCount, visibleHeight: visibleHeight)
        return top..<min(rowCount, top + max(0, visibleHeight))
    }
}

