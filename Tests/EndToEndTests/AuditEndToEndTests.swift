import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The audit overlay in the real console on the demo shop, run by the admin who created it.
@Suite(.serialized)
struct AuditEndToEndTests {
    /// An RO of the demo shop whose stage was changed, read straight from its database.
    private func movedRO(_ session: TmuxSession) throws -> String {
        let db = try AppDatabase.open(path: session.dbPath)
        defer { try? db.close() }
        var before: Int64?
        while true {
            let page = try db.auditPage(filter: AuditQuery(), beforeID: before, limit: 500)
            guard let last = page.last else { break }
            if let hit = page.first(where: { $0.entry.action == "stageChange" && $0.subject.hasPrefix("RO-") }) {
                return hit.subject
            }
            before = last.entry.id
        }
        throw E2EError("the demo shop has no stage change in its audit trail")
    }

    @Test func ctrlTOpensTheTrailAFilterByROShowsItsStageChangesAndEscCloses() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let number = try movedRO(session)
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")

        try session.sendKeys("C-t")
        try session.waitFor("Audit trail")
        try session.waitFor("shown")
        try session.sendLiteral("ro:\(number)")
        try session.sendKeys("Enter")
        try session.waitUntil(description: "only \(number)'s rows, with its stage changes") { screen in
            let rows = screen.split(separator: "\n").filter { $0.contains(" RO ") }
            return !rows.isEmpty && rows.allSatisfy { $0.contains(number) } && screen.contains("stage change")
        }
        // The newest row's changes, old → new; phones never appear in full.
        try session.sendKeys("Enter")
        let detail = try session.waitFor("Changes in detail")
        #expect(detail.contains(" → "), "\(detail)")
        #expect(detail.range(of: #"1[3-9][0-9]{9}"#, options: .regularExpression) == nil, "\(detail)")

        try session.sendKeys("Escape")
        try session.waitUntil(description: "the detail closed") { !$0.contains("Changes in detail") && $0.contains("Audit trail") }
        try session.sendKeys("Escape")
        try session.waitUntil(description: "the overlay closed") { !$0.contains("Audit trail") && $0.contains("Find: ") }
        try session.sendKeys("C-q")
    }
}
