import Testing
import ScreenKit

struct TestBackendTests {
    @Test func keysArePoppedInOrderThenNil() {
        let backend = TestBackend()
        backend.enqueue(.down, .enter)
        backend.type("张a")
        #expect(backend.readKey(timeoutMilliseconds: 0) == .down)
        #expect(backend.readKey(timeoutMilliseconds: 0) == .enter)
        #expect(backend.readKey(timeoutMilliseconds: 0) == .character("张"))
        #expect(backend.readKey(timeoutMilliseconds: 0) == .character("a"))
        #expect(backend.readKey(timeoutMilliseconds: 100) == nil)
        #expect(backend.emptyReads == 1)
    }

    @Test func resizeQueuesAResizeKeyAndRepaintsEverything() {
        let backend = TestBackend(size: Size(width: 10, height: 2))
        var frame = ScreenBuffer(size: backend.size)
        frame.put("hello", x: 0, y: 0)
        backend.draw(frame)
        backend.resize(to: Size(width: 12, height: 3))
        #expect(backend.size == Size(width: 12, height: 3))
        #expect(backend.readKey(timeoutMilliseconds: 0) == .resize)
        backend.resize(to: Size(width: 12, height: 3)) // same size: nothing happens
        #expect(backend.readKey(timeoutMilliseconds: 0) == nil)
        let bigger = ScreenBuffer(size: backend.size)
        backend.draw(bigger)
        #expect(backend.changedCellsPerDraw == [20, 36])
    }

    @Test func drawsCountOnlyChangedCells() {
        let backend = TestBackend(size: Size(width: 20, height: 5))
        var frame = ScreenBuffer(size: backend.size)
        frame.put("接车 RO-0001", x: 0, y: 0)
        backend.draw(frame)
        #expect(backend.framesDrawn == 1)
        #expect(backend.changedCellsPerDraw == [100])
        backend.draw(frame)
        #expect(backend.changedCellsPerDraw.last == 0)
        #expect(backend.bytesPerDraw.last == 0)
        frame.put("2", x: 11, y: 0)
        frame.put("x", x: 5, y: 3, role: .error)
        frame.cursor = Point(x: 1, y: 1)
        backend.draw(frame)
        #expect(backend.changedCellsPerDraw.last == 2)
        // Two cursor moves ("\e[1;11H" 7 bytes, "\e[4;6H" 6 bytes), two style changes (10 each), two bytes of text.
        let expectedBytes: Int = 7 + 10 + 1 + 6 + 10 + 1
        #expect(backend.bytesPerDraw.last == expectedBytes)
        #expect(backend.cursor == Point(x: 1, y: 1))
        #expect(backend.lastFrame == frame)
        #expect(backend.screenText[0].hasPrefix("接车 RO-0002"))
        backend.invalidate()
        backend.draw(frame)
        #expect(backend.changedCellsPerDraw.last == 100)
        #expect(backend.invalidateCount == 1)
    }

    @Test func byteEstimateCountsRunsAndUTF8() {
        var frame = ScreenBuffer(size: Size(width: 10, height: 1))
        frame.put("中a", x: 0, y: 0)
        let bytes = TestBackend.estimateBytes(frame, changed: frame.changedPositions(since: ScreenBuffer(size: frame.size)))
        // One move ("\e[1;1H" 6), one style (10), "中" 3 bytes + "a" 1 byte, sent as one run.
        let expectedBytes: Int = 6 + 10 + 3 + 1
        #expect(bytes == expectedBytes)
    }
}

struct SnapshotTests {
    @Test func textRolesLegendAndCursor() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        buffer.put("张三", x: 0, y: 0, role: .header)
        buffer.put("ok", x: 4, y: 0, role: .ok)
        buffer.put("a", x: 0, y: 1, role: .selection)
        buffer.cursor = Point(x: 1, y: 1)
        let expected = [
            "张三ok",
            "a     ",
            "--- roles ---",
            "aaaadd",
            "cbbbbb",
            "--- legend ---",
            "a header",
            "b normal",
            "c selection",
            "d status.ok",
            "cursor 1,1",
        ].joined(separator: "\n") + "\n"
        #expect(buffer.snapshot() == expected)
    }

    @Test func snapshotIsDeterministic() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 3))
        for (i, role) in ["zeta", "alpha", "mid", "Beta"].enumerated() {
            buffer.put("x", x: i, y: 0, role: StyleRole(role))
        }
        let first = buffer.snapshot()
        #expect(first == buffer.snapshot())
        #expect(first.contains("a Beta\nb alpha\nc mid\nd normal\ne zeta\n"))
    }

    @Test func manyRolesGetDistinctLetters() {
        var buffer = ScreenBuffer(size: Size(width: 70, height: 1))
        for x in 0..<70 { buffer.put("x", x: x, y: 0, role: StyleRole("r\(1000 + x)")) }
        let legend = buffer.snapshot().split(separator: "\n").drop { $0 != "--- legend ---" }.dropFirst()
        #expect(legend.count == 70)
        #expect(legend.first == "a r1000")
        #expect(legend.dropFirst(26).first == "A r1026")
        #expect(legend.dropFirst(52).first == "0 r1052")
        #expect(legend.dropFirst(62).first == "? r1062")
    }
}
