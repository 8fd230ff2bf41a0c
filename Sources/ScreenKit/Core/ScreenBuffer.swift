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

    /// Fills a rectangle with blanks of one role.
    public mutating func fill(_ rect: Rect, role: StyleRole, attributes: TextAttributes = []) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y] = Cell(" ", role: role, attributes: attributes) }
        }
    }

    /// Writes `text` starting at (x, y), never past `clip` (default: the whole row). Text is sanitized:
    /// control characters and escape sequences never reach a cell. A wide glyph that would straddle
    /// the clip edge is replaced by a space. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal,
                             attributes: TextAttributes = [], clip: Rect? = nil) -> Int {
        let area = (clip ?? Rect(x: 0, y: y, width: size.width, height: 1)).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        var col = x
        for ch in TerminalText.sanitize(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // Combining or zero-width: join the previous cell's cluster when it is ours.
                if col > x, col - 1 >= area.x, col - 1 < area.maxX {
                    var base = col - 1
                    if self[base, y].isContinuation, base > 0 { base -= 1 }
                    self[base, y].grapheme.append(ch)
                }
                continue
            }
            if col + w > area.maxX {
                if col < area.maxX, col >= area.x { setCell(x: col, y: y, Cell(" ", role: role, attributes: attributes)) }
                break
            }
            if col >= area.x {
                setCell(x: col, y: y, Cell(String(ch), role: role, attributes: attributes, width: w))
                if w == 2 {
                    setCell(x: col + 1, y: y, Cell("", role: role, attributes: attributes, width: 0, isContinuation: true))
                }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Sets one cell, repairing any wide glyph it cuts in half.
    public mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard isInside(x: x, y: y) else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0, !cell.isContinuation {
            var left = self[x - 1, y]
            left.grapheme = " "
            left.width = 1
            self[x - 1, y] = left
        }
        if old.width == 2, x + 1 < size.width, cell.width != 2 {
            var right = self[x + 1, y]
            right.grapheme = " "
            right.width = 1
            right.isContinuation = false
            self[x + 1, y] = right
        }
        self[x, y] = cell
    }

    /// Changes the role of cells in a rectangle, keeping their text (used for selection bars).
    public mutating func restyle(_ rect: Rect, role: StyleRole, attributes: TextAttributes? = nil) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
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
