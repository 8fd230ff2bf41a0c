import ConsoleCore
import Foundation
import ScreenKit
import Testing

/// The keys of one panel in one mode as the `?` overlay and the help bar list them, in both languages:
/// `__Snapshots__/keys/<panel>-<mode>.txt` (tig's `test/help/all-keybindings-test`). The overlay and the bar
/// read the same tables the reducers match, so these files are the keyboard's contract, mode by mode.
/// `RECORD_SNAPSHOTS=1 swift test` writes them anew.
func assertHelp(_ state: AppState, panel: Panel?, mode: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var s = state
    // Under the help overlay (the audit overlay keeps the keyboard and is its own help).
    if s.overlay == nil { _ = reduce(&s, .keyPressed(.function(1))) }
    #expect(s.overlay == .help || s.overlay == .audit, sourceLocation: sourceLocation)
    var text = "panel: \(panel?.commandLineName ?? "audit")  mode: \(mode)\n"
    var zh = s
    zh.language = .zhHans
    var en = s
    en.language = .en
    let zhLines = KeyMap.helpLines(for: zh)
    let enLines = KeyMap.helpLines(for: en)
    let width = enLines.map(\.keys.count).max() ?? 0
    for (e, z) in zip(enLines, zhLines) {
        text += e.keys.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + e.label + " | " + z.label + "\n"
    }
    text += "bar: " + KeyMap.helpBar(for: en).map { "\($0.keys) \($0.label)" }.joined(separator: "  ") + "\n"
    let name = "\(panel?.commandLineName ?? "audit")-\(mode)"
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent("keys")
    let file = directory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing key snapshot \(file.path); record it with RECORD_SNAPSHOTS=1 swift test",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(expected == text, "keys of \(name) changed:\n\(text)", sourceLocation: sourceLocation)
}

@Suite struct EveryPanelHasItsKeySnapshotsTests {
    /// Each panel has a key snapshot for each of its modes; this fails when a panel has none at all.
    @Test func everyPanelIsCovered() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__").appendingPathComponent("keys")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for panel in Panel.allCases {
            #expect(names.contains { $0.hasPrefix(panel.commandLineName + "-") }, "no key snapshot for \(panel)")
        }
        #expect(names.contains { $0.hasPrefix("audit-") })
    }
}
