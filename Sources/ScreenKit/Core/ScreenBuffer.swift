/// One terminal cell: a grapheme cluster and how to draw it. A wide glyph occupies its cell and the
/// next one, which is a continuation cell (`isContinuation`) and is never drawn on its own.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var role: StyleRole
    public var attributes: TextAttributes
    /// Display columns of `grapheme`: 1 or 2 (0 only for a continuation cell).
    public var width: Int
    public var isContinuation: Bool

    public init(_ grapheme: String = " ", role: StyleRole = .normal, attributes: TextAttributes = [],
                width: Int = 1, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.role = role
        self.attributes = attributes
        self.width = width
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A frame: every cell of the screen. Views write into it; backends diff and draw it.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the text cursor should be shown, if anywhere.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    public func isInside(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// Fills a rectangle with blanks of one role. A wide glyph cut in half by the edge becomes a blank.
    public mutating func fill(_ rect: Rect, role: StyleRole, attributes: TextAttributes = []) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let blank = Cell(" ", role: role, attributes: attributes)
        for y in r.y..<r.maxY {
            breakWideGlyph(x: r.x, y: y)
            breakWideGlyph(x: r.maxX - 1, y: y)
            let rowStart = y * size.width
            for i in (rowStart + r.x)..<(rowStart + r.maxX) { cells[i] = blank }
        }
    }

    /// Writes `text` starting at (x, y), never past `clip` (default: the whole row). Text is sanitized:
    /// control characters and escape sequences never reach a cell. Each cell gets one glyph (see
    /// `DisplayWidth`); a wide glyph that would straddle a clip edge is replaced by a space.
    /// Returns the columns the text advanced, counted from `x`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal,
                             attributes: TextAttributes = [], clip: Rect? = nil) -> Int {
        let area = (clip ?? Rect(x: 0, y: y, width: size.width, height: 1)).intersection(bounds)
        guard y >= area.y, y < area.maxY, !area.isEmpty else { return 0 }
        var col = x
        var lastGlyphX: Int?
        var done = false
        for ch in TerminalText.sanitize(text) {
            DisplayWidth.forEachGlyph(in: ch) { glyph in
                guard !done else { return }
                let w = glyph.width
                if w == 0 {
                    // Marks without a base in their cluster join the glyph this call wrote just before.
                    if let gx = lastGlyphX, self[gx, y].grapheme.unicodeScalars.count < DisplayWidth.maxScalarsPerGlyph {
                        self[gx, y].grapheme += glyph.text
                    }
                    return
                }
                if col + w > area.maxX {
                    if col >= area.x, col < area.maxX { setCell(x: col, y: y, Cell(" ", role: role, attributes: attributes)) }
                    done = true
                    return
                }
                if col < area.x {
                    // Starts left of the clip: a wide glyph showing only its right half becomes a space.
                    if col + w > area.x { setCell(x: area.x, y: y, Cell(" ", role: role, attributes: attributes)) }
                    lastGlyphX = nil
                } else {
                    setCell(x: col, y: y, Cell(glyph.text, role: role, attributes: attributes, width: w))
                    lastGlyphX = col
                }
                col += w
            }
            if done || col >= area.maxX { break }
        }
        return max(0, col - x)
    }

    /// Sets one cell, keeping wide glyphs whole: a glyph cut in half becomes a blank, a wide cell gets
    /// its continuation cell, and a wide cell in the last column (no room for its right half) becomes a space.
    public mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard isInside(x: x, y: y) else { return }
        if cell.isContinuation {
            // Only valid right of a wide glyph; anything else would leave a hole in the row.
            if x > 0, self[x - 1, y].width == 2, !self[x - 1, y].isContinuation {
                if self[x, y].width == 2 { breakWideGlyph(x: x + 1, y: y) }
                self[x, y] = cell
            } else {
                breakWideGlyph(x: x, y: y)
                self[x, y] = Cell(" ", role: cell.role, attributes: cell.attributes)
            }
            return
        }
        breakWideGlyph(x: x, y: y)
        if cell.width == 2 {
            guard x + 1 < size.width else {
                self[x, y] = Cell(" ", role: cell.role, attributes: cell.attributes)
                return
            }
            breakWideGlyph(x: x + 1, y: y)
            self[x, y] = cell
            self[x + 1, y] = Cell("", role: cell.role, attributes: cell.attributes, width: 0, isContinuation: true)
        } else {
            self[x, y] = cell
        }
    }

    /// If (x, y) is half of a wide glyph, turns the other half into a blank of the same role so that
    /// (x, y) can be overwritten on its own. Cells outside the buffer are ignored.
    mutating func breakWideGlyph(x: Int, y: Int) {
        guard isInside(x: x, y: y) else { return }
        let cell = self[x, y]
        if cell.isContinuation {
            if x > 0, self[x - 1, y].width == 2 {
                self[x - 1, y] = Cell(" ", role: self[x - 1, y].role, attributes: self[x - 1, y].attributes)
            }
            self[x, y] = Cell(" ", role: cell.role, attributes: cell.attributes)
        } else if cell.width == 2 {
            if x + 1 < size.width, self[x + 1, y].isContinuation {
                self[x + 1, y] = Cell(" ", role: self[x + 1, y].role, attributes: self[x + 1, y].attributes)
            }
            self[x, y] = Cell(" ", role: cell.role, attributes: cell.attributes)
        }
    }

    /// Changes the role of cells in a rectangle, keeping their text (used for selection bars). A wide
    /// glyph half inside the rectangle is restyled whole, so each glyph has one role.
    public mutating func restyle(_ rect: Rect, role: StyleRole, attributes: TextAttributes? = nil) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let first = r.x > 0 && self[r.x, y].isContinuation ? r.x - 1 : r.x
            let last = r.maxX < size.width && self[r.maxX, y].isContinuation ? r.maxX : r.maxX - 1
            for x in first...last {
                self[x, y].role = role
                if let attributes { self[x, y].attributes = attributes }
            }
        }
    }

    /// Positions of cells that differ from `previous` (all cells when the sizes differ).
    public func changedPositions(since previous: ScreenBuffer?) -> [Point] {
        var result: [Point] = []
        guard let previous, previous.size == size else {
            for y in 0..<size.height { for x in 0..<size.width { result.append(Point(x: x, y: y)) } }
            return result
        }
        for i in cells.indices where cells[i] != previous.cells[i] {
            result.append(Point(x: i % size.width, y: i / size.width))
        }
        return result
    }

    /// The text of each row, continuation cells skipped, trailing spaces kept so columns line up.
    public var textLines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].grapheme }
            return line
        }
    }
}
