import Testing
import ScreenKit

struct TableStateTests {
    @Test func movesStayInsideTheRows() {
        var state = TableState()
        state.moveUp(rowCount: 5, visibleHeight: 3)
        #expect(state.selected == 0)
        for _ in 0..<10 { state.moveDown(rowCount: 5) }
        #expect(state.selected == 4)
        state.select(.home, rowCount: 5)
        #expect(state.selected == 0 && state.offset == 0)
        state.select(.end, rowCount: 5)
        #expect(state.selected == 4)
        state.select(99, rowCount: 5)
        #expect(state.selected == 4)
        state.select(-3, rowCount: 5)
        #expect(state.selected == 0)
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var state = TableState()
        let rows = 100, height = 10
        for _ in 0..<12 { state.select(.next, rowCount: rows, visibleHeight: height) }
        #expect(state.selected == 12)
        #expect(state.offset == 3) // selection on the last visible row
        state.select(.pageDown, rowCount: rows, visibleHeight: height)
        #expect(state.selected == 22)
        #expect(state.visibleRows(rowCount: rows, visibleHeight: height).contains(22))
        state.select(.pageUp, rowCount: rows)
        #expect(state.selected == 12)
        #expect(state.visibleRows(rowCount: rows, visibleHeight: height).contains(12))
        state.select(.end, rowCount: rows)
        #expect(state.offset == 90)
        state.select(.previous, rowCount: rows)
        #expect(state.offset == 90) // no scrolling while the selection is on screen
        state.select(.home, rowCount: rows)
        #expect(state.offset == 0)
    }

    @Test func pageMovesRememberTheVisibleHeight() {
        var state = TableState()
        state.pageDown(rowCount: 50, visibleHeight: 7)
        #expect(state.selected == 7)
        state.pageDown(rowCount: 50)
        #expect(state.selected == 14)
        state.pageDown(rowCount: 50)
        state.pageDown(rowCount: 50)
        state.pageDown(rowCount: 50)
        state.pageDown(rowCount: 50)
        state.pageDown(rowCount: 50)
        #expect(state.selected == 49)
        #expect(state.offset == 43)
    }

    @Test func emptyTableAndShrinkingRows() {
        var state = TableState(selected: 30, offset: 25)
        state.clamp(rowCount: 8, visibleHeight: 5)
        #expect(state.selected == 7)
        #expect(state.offset == 3)
        state.select(.next, rowCount: 0)
        #expect(state.selected == 0 && state.offset == 0)
        #expect(!state.isSelected(0, rowCount: 0))
    }

    @Test func staleOffsetIsCorrectedWhenShown() {
        let state = TableState(selected: 40, offset: 0)
        #expect(state.visibleRows(rowCount: 100, visibleHeight: 10) == 31..<41)
        let tooFar = TableState(selected: 2, offset: 95)
        #expect(tooFar.visibleRows(rowCount: 100, visibleHeight: 10) == 2..<12)
    }
}

struct TableRenderTests {
    let columns = [
        TableColumn("车牌", width: .fixed(8)),
        TableColumn("客户", width: .fill, minWidth: 4),
        TableColumn("金额", width: .fixed(7), alignment: .right),
    ]

    func rows(_ n: Int) -> [TableRow] {
        (0..<n).map { i in
            TableRow([TableCell("粤B\(10000 + i)"), TableCell(i == 1 ? "欧阳娜娜的长名字客户" : "张三\(i)"),
                      TableCell("¥\(i * 100)", role: i == 2 ? .warning : nil)],
                     role: i == 3 ? .error : nil)
        }
    }

    @Test func headerRowsSelectionAndClipping() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4))
        let table = Table(columns: columns, rows: rows(5), emptyMessage: "无结果")
        var state = TableState()
        state.select(2, rowCount: 5, visibleHeight: 3)
        table.render(into: &buffer, area: buffer.bounds, state: state)
        #expect(buffer.textLines == [
            "车牌     客户             金额",
            "粤B10000 张三0              ¥0",
            "粤B10001 欧阳娜娜的长…    ¥100",
            "粤B10002 张三2            ¥200",
        ])
        for line in buffer.textLines { #expect(line.displayWidth == 30) }
        // The header is in .header, the selected row (2) in .selection across the whole width.
        #expect((0..<30).allSatisfy { buffer[$0, 0].role == .header })
        #expect((0..<30).allSatisfy { buffer[$0, 3].role == .selection })
        #expect(buffer[0, 1].role == .normal)
    }

    @Test func cellAndRowRolesOutsideTheSelection() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 6))
        Table(columns: columns, rows: rows(5)).render(into: &buffer, area: buffer.bounds, state: TableState())
        #expect(buffer[29, 3].role == .warning) // row 2's amount cell
        #expect(buffer[0, 3].role == .normal)
        #expect((0..<30).allSatisfy { buffer[$0, 4].role == .error }) // row 3's role
        #expect((0..<30).allSatisfy { buffer[$0, 1].role == .selection })
    }

    @Test func scrolledTableShowsTheSelectedRow() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 4))
        var state = TableState()
        for _ in 0..<8 { state.moveDown(rowCount: 20, visibleHeight: Table.visibleRowCount(in: buffer.bounds)) }
        Table(columns: columns, rows: rows(20)).render(into: &buffer, area: buffer.bounds, state: state)
        #expect(buffer.textLines[3].hasPrefix("粤B10008"))
        #expect(buffer[0, 3].role == .selection)
    }

    @Test func emptyTableShowsItsMessage() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 3))
        Table(columns: columns, rows: [], emptyMessage: "无结果").render(into: &buffer, area: buffer.bounds, state: TableState())
        #expect(buffer.textLines[1] == "       无结果       ")
        #expect(buffer[8, 1].role == .muted)
    }

    @Test func columnsShrinkToTheirMinimumThenTheLastGoes() {
        #expect(Layout.sizes([.fixed(8), .fill, .fixed(7)], length: 30, spacing: 1, minimums: [0, 4, 0]) == [8, 13, 7])
        #expect(Layout.sizes([.fixed(8), .fill, .fixed(7)], length: 16, spacing: 1, minimums: [0, 4, 0]) == [5, 4, 5])
        #expect(Layout.sizes([.fixed(8), .fill, .fixed(7)], length: 12, spacing: 1, minimums: [8, 4, 7]) == [8, 2, 0])
        #expect(Layout.sizes([.fraction(0.5), .flexible(1), .flexible(3)], length: 20) == [10, 3, 7])
    }
}

struct LayoutTests {
    @Test func splitColumnsAndRows() {
        let area = Rect(x: 2, y: 1, width: 21, height: 10)
        let columns = area.splitColumns([.fixed(5), .fill, .fraction(0.25)], spacing: 1)
        #expect(columns == [Rect(x: 2, y: 1, width: 5, height: 10), Rect(x: 8, y: 1, width: 10, height: 10),
                            Rect(x: 19, y: 1, width: 4, height: 10)])
        let rows = area.splitRows([.fixed(1), .fill, .fixed(1)])
        #expect(rows.map(\.height) == [1, 8, 1])
        #expect(rows[2].y == 10)
        #expect(area.splitColumns([]).isEmpty)
        #expect(Layout.sizes([.fixed(50)], length: 10) == [10])
    }
}

struct ListViewTests {
    @Test func listSelectionAndRoles() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        var state = TableState()
        state.select(.next, rowCount: 3, visibleHeight: 3)
        ListView(items: ["一", ListItem("二", role: .ok), "三"]).render(into: &buffer, area: buffer.bounds, state: state)
        #expect(buffer.textLines == ["一        ", "二        ", "三        "])
        #expect(buffer[0, 1].role == .selection)
        #expect(buffer[0, 0].role == .normal)
    }
}

struct TableWindowTests {
    /// A table given only the rows it shows draws exactly what the whole table draws, wherever the
    /// selection has scrolled it.
    @Test(arguments: [0, 7, 45, 99])
    func aWindowDrawsWhatTheWholeTableDraws(selected: Int) {
        let columns = [TableColumn("名", width: .fixed(6)), TableColumn("车牌", width: .fill)]
        let all = (0..<100).map { TableRow(texts: ["客户\($0)", "粤A\(10_000 + $0)"]) }
        let area = Rect(x: 0, y: 0, width: 24, height: 11)
        var state = TableState()
        state.select(selected, rowCount: all.count, visibleHeight: Table.visibleRowCount(in: area))
        let whole = Table(columns: columns, rows: all)
        let range = whole.visibleRange(rowCount: all.count, in: area, state: state)
        #expect(range.count == 10 && range.contains(selected))
        let window = Table(columns: columns, rows: []).window(Array(all[range]), from: range.lowerBound, of: all.count)
        var expected = ScreenBuffer(size: Size(width: 24, height: 11))
        whole.render(into: &expected, area: area, state: state)
        var drawn = ScreenBuffer(size: Size(width: 24, height: 11))
        window.render(into: &drawn, area: area, state: state)
        #expect(drawn == expected)
        #expect(window.rowCount == 100 && window.firstRowIndex == range.lowerBound)
    }
}
