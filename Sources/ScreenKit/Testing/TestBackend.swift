/// A terminal for tests and benchmarks: it keeps the frames it is given instead of drawing them,
/// plays back queued keys, and can be resized. It also counts what a real terminal would be sent.
public final class TestBackend: TerminalBackend {
    public private(set) var size: Size
    /// Keys `readKey` will return, first first.
    public private(set) var pendingKeys: [Key] = []
    /// The last frame drawn (what the screen shows), nil before the first draw.
    public private(set) var lastFrame: ScreenBuffer?
    public private(set) var framesDrawn = 0
    /// For each draw, how many cells differed from what was on screen (all of them after `invalidate`).
    public private(set) var changedCellsPerDraw: [Int] = []
    /// For each draw, an estimate of the bytes an ncurses terminal would be sent (see `estimateBytes`).
    public private(set) var bytesPerDraw: [Int] = []
    public private(set) var cursor: Point?
    public private(set) var invalidateCount = 0
    /// `readKey` calls that found no key waiting.
    public private(set) var emptyReads = 0

    /// Whether the next draw must repaint everything.
    private var screenIsStale = true

    public init(size: Size = Size(width: 80, height: 24)) {
        self.size = size
    }

    // MARK: TerminalBackend

    public func draw(_ frame: ScreenBuffer) {
        let previous = screenIsStale ? nil : lastFrame
        let changed = frame.changedPositions(since: previous)
        changedCellsPerDraw.append(changed.count)
        bytesPerDraw.append(Self.estimateBytes(frame, changed: changed))
        lastFrame = frame
        cursor = frame.cursor
        framesDrawn += 1
        screenIsStale = false
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !pendingKeys.isEmpty else {
            emptyReads += 1
            return nil
        }
        return pendingKeys.removeFirst()
    }

    public func invalidate() {
        invalidateCount += 1
        screenIsStale = true
    }

    public func setCursor(_ position: Point?) { cursor = position }

    // MARK: Driving it

    /// Queues keys for `readKey`.
    public func enqueue(_ keys: Key...) { pendingKeys.append(contentsOf: keys) }
    public func enqueue(_ keys: [Key]) { pendingKeys.append(contentsOf: keys) }
    /// Queues each character of `text` as a typed key.
    public func type(_ text: String) { pendingKeys.append(contentsOf: text.map { Key.character($0) }) }

    /// Changes the terminal size, as a window resize does: queues `.resize` and forgets the screen.
    public func resize(to newSize: Size) {
        guard newSize != size else { return }
        size = newSize
        pendingKeys.append(.resize)
        screenIsStale = true
    }

    /// The text rows of the last frame (empty before the first draw).
    public var screenText: [String] { lastFrame?.textLines ?? [] }

    /// Bytes drawn in total.
    public var totalBytes: Int { bytesPerDraw.reduce(0, +) }

    // MARK: Cost estimate

    /// Roughly what ncurses would write to update the screen to `frame`: for each run of changed cells a
    /// cursor move (`ESC [ row ; col H`), an attribute change (~10 bytes) where the role or attributes
    /// differ from the cell written before, and the UTF-8 bytes of each changed cell's glyph.
    public static func estimateBytes(_ frame: ScreenBuffer, changed: [Point]) -> Int {
        var bytes = 0
        var cursorAt: Point?
        var lastStyle: (StyleRole, TextAttributes)?
        for p in changed {
            var x = p.x
            // A changed continuation cell is sent as its wide glyph.
            if frame[x, p.y].isContinuation, x > 0 { x -= 1 }
            let cell = frame[x, p.y]
            if let c = cursorAt, c.y == p.y, c.x > x { continue } // already sent with its glyph
            if cursorAt != Point(x: x, y: p.y) {
                bytes += 4 + decimalDigits(p.y + 1) + decimalDigits(x + 1)
            }
            if lastStyle.map({ $0.0 != cell.role || $0.1 != cell.attributes }) ?? true {
                bytes += 10
                lastStyle = (cell.role, cell.attributes)
            }
            bytes += cell.grapheme.utf8.count
            cursorAt = Point(x: x + max(1, cell.width), y: p.y)
        }
        return bytes
    }

    private static func decimalDigits(_ n: Int) -> Int { String(n).count }
}
