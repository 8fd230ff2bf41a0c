import Foundation
import ScreenKit
import Testing

/// Compares a frame with `__Snapshots__/<name>.screen` (text, then a layer of style roles).
/// A missing or different snapshot fails; `RECORD_SNAPSHOTS=1 swift test` writes them anew.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).screen")
    let actual = buffer.snapshot()
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(file.path); record it with RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let diffLine = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                           actual.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let detail = diffLine.map { "first difference at line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "lengths differ"
        Issue.record("snapshot \(name) changed; \(detail)\nactual frame:\n\(buffer.textLines.joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }
}
