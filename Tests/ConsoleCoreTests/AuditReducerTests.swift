import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!

private func auditRow(_ id: Int64, subject: String = "RO-20261122-0003") -> AuditRow {
    AuditRow(id: id, at: now.addingTimeInterval(Double(-id) * 60), person: "李娜", action: "stageChange",
             entity: "repair_order", entityID: 3, subject: subject,
             changes: [AuditChange(field: "stage", old: "checkedIn", new: "dispatched")])
}

private func rows(_ ids: ClosedRange<Int64>) -> [AuditRow] { ids.reversed().map { auditRow($0) } }

/// The overlay opened with Ctrl-T and its first page answered.
private func opened(first: [AuditRow], hasMore: Bool) -> AppState {
    var s = AppState(language: .en, shopName: "Shop", operatorName: "王经理", now: now, timeZone: zone)
    #expect(reduce(&s, .keyPressed(.ctrl("t"))) == [.audit(.load(AuditQuery(), beforeID: nil, limit: AuditFeature.pageSize))])
    #expect(s.overlay == .audit)
    #expect(s.audit.loading)
    _ = reduce(&s, .audit(.loaded(query: AuditQuery(), rows: first, replacing: true, hasMore: hasMore)))
    return s
}

private func typeText(_ s: inout AppState, _ text: String) -> [Effect] {
    var effects: [Effect] = []
    for c in text { effects += reduce(&s, .keyPressed(.character(c))) }
    return effects
}

@Suite struct AuditReducerTests {
    @Test func theFilterSyntaxSplitsROCustomerPersonAndFreeText() {
        #expect(AuditQuery.parse("ro:RO-20261122-0003") == AuditQuery(roNumber: "RO-20261122-0003"))
        #expect(AuditQuery.parse("RO-20261122-0003") == AuditQuery(roNumber: "RO-20261122-0003"))
        #expect(AuditQuery.parse("客户：王芳 person:lina") == AuditQuery(customer: "王芳", person: "lina"))
        #expect(AuditQuery.parse("cust:5678  by:李娜") == AuditQuery(customer: "5678", person: "李娜"))
        #expect(AuditQuery.parse("王芳 刹车") == AuditQuery(text: "王芳 刹车"))
        #expect(AuditQuery.parse("ro: ") == AuditQuery())
        #expect(AuditQuery.parse("colour:red") == AuditQuery(text: "colour:red"))
    }

    @Test func typingIsFilterTextAndEnterAppliesItFromTheTop() {
        var s = opened(first: rows(1...5), hasMore: false)
        // Plain letters and digits type, they do not switch panels.
        #expect(typeText(&s, "ro:RO-20261122-0003 q1").isEmpty)
        #expect(s.overlay == .audit && s.panel == .find && !s.shouldQuit)
        _ = reduce(&s, .keyPressed(.backspace))
        _ = reduce(&s, .keyPressed(.backspace))
        _ = reduce(&s, .keyPressed(.backspace))
        #expect(s.audit.filter.text == "ro:RO-20261122-0003")
        let query = AuditQuery(roNumber: "RO-20261122-0003")
        assertReduce(&s, .keyPressed(.enter), effects: [.audit(.load(query, beforeID: nil, limit: AuditFeature.pageSize))]) {
            $0.audit.query = query
            $0.audit.rows = []
            $0.audit.table = TableState()
            $0.audit.loading = true
        }

        // A page for the old filter arriving late is dropped.
        _ = reduce(&s, .audit(.loaded(query: AuditQuery(), rows: rows(1...5), replacing: true, hasMore: false)))
        #expect(s.audit.rows.isEmpty)
        _ = reduce(&s, .audit(.loaded(query: query, rows: [auditRow(9)], replacing: true, hasMore: false)))
        #expect(s.audit.rows.map(\.id) == [9])
        #expect(!s.audit.loading)
    }

    @Test func enterOnAnUnchangedFilterShowsTheDetailAndEscClosesItThenTheOverlay() {
        var s = opened(first: rows(1...5), hasMore: false)
        _ = reduce(&s, .keyPressed(.down))
        #expect(reduce(&s, .keyPressed(.enter)).isEmpty)
        #expect(s.audit.showsDetail)
        #expect(s.audit.selectedRow?.id == 4)
        _ = reduce(&s, .keyPressed(.escape))
        #expect(!s.audit.showsDetail)
        #expect(s.overlay == .audit)
        _ = reduce(&s, .keyPressed(.escape))
        #expect(s.overlay == nil)
    }

    @Test func scrollingNearTheEndLoadsTheNextPageOnce() {
        var s = opened(first: rows(31...50), hasMore: true)
        var effects: [Effect] = []
        for _ in 0..<9 { effects += reduce(&s, .keyPressed(.down)) }
        #expect(effects.isEmpty)
        effects = reduce(&s, .keyPressed(.down))
        #expect(effects == [.audit(.load(AuditQuery(), beforeID: 31, limit: AuditFeature.pageSize))])
        // While that page is on its way, more scrolling asks for nothing more.
        #expect(reduce(&s, .keyPressed(.pageDown)).isEmpty)
        _ = reduce(&s, .audit(.loaded(query: AuditQuery(), rows: rows(21...30), replacing: false, hasMore: false)))
        #expect(s.audit.rows.count == 30)
        #expect(s.audit.rows.last?.id == 21)
        #expect(!s.audit.hasMore)
        _ = reduce(&s, .keyPressed(.end))
        #expect(s.audit.selectedRow?.id == 21)
        #expect(reduce(&s, .keyPressed(.down)).isEmpty)
    }

    @Test func anotherTerminalsChangeReloadsAsManyRowsAsAreShownAndKeepsTheSelection() {
        var s = opened(first: rows(1...60), hasMore: true)
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.down))
        #expect(s.audit.selectedRow?.id == 58)
        let effects = reduce(&s, .storeChangedElsewhere)
        #expect(effects.contains(.audit(.load(AuditQuery(), beforeID: nil, limit: 60))))
        _ = reduce(&s, .audit(.loaded(query: AuditQuery(), rows: rows(1...61), replacing: true, hasMore: true)))
        #expect(s.audit.selectedRow?.id == 58)

        // Closed, it reloads nothing.
        _ = reduce(&s, .keyPressed(.escape))
        #expect(!reduce(&s, .storeChangedElsewhere).contains { if case .audit = $0 { true } else { false } })
    }

    @Test func aRefusalIsShownAndNamesTheRoleAndNothingElseWorks() {
        var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        _ = reduce(&s, .keyPressed(.ctrl("t")))
        let refusal = PermissionError(permission: .viewAudit, roles: [.advisor]).message
        _ = reduce(&s, .audit(.refused(refusal)))
        #expect(s.audit.refusal == refusal)
        #expect(s.status?.message == refusal)
        #expect(s.status?.kind == .error)
        #expect(refusal.en.contains("manager"))
        #expect(typeText(&s, "ro:x").isEmpty)
        #expect(reduce(&s, .keyPressed(.enter)).isEmpty)
        #expect(s.audit.rows.isEmpty && s.audit.filter.text.isEmpty)
        _ = reduce(&s, .keyPressed(.escape))
        #expect(s.overlay == nil)
    }

    @Test func aFailedReadIsShownAndTheFilterIsKept() {
        var s = opened(first: [], hasMore: false)
        _ = typeText(&s, "person:lina")
        _ = reduce(&s, .keyPressed(.enter))
        let failure = Message(zh: "读取失败", en: "Could not read")
        _ = reduce(&s, .audit(.failed(failure)))
        #expect(s.audit.error == failure)
        #expect(s.status?.message == failure)
        #expect(s.audit.filter.text == "person:lina")
        #expect(!s.audit.loading)
    }

    @Test func theDetailJSONBecomesReadableChangesWithPhonesMasked() {
        let update = AuditDetail.changes(fromJSON: #"{"notes":{"new":"请拨 13912345678","old":null},"phones":{"new":"13812345678;020-87654321","old":"13812345678"},"version":{"new":2,"old":1}}"#)
        #expect(update == [
            AuditChange(field: "notes", old: "-", new: "请拨 139****5678"),
            AuditChange(field: "phones", old: "138****5678", new: "138****5678;020-****4321"),
            AuditChange(field: "version", old: "1", new: "2"),
        ])
        #expect(AuditDetail.summary(update) == "note - → 请拨 139****5678; phone 138****5678 → 138****5678;020-****4321")
        let insert = AuditDetail.changes(fromJSON: #"{"name":"王芳","contact_phone":"13812345678","mileage_in":23000}"#)
        #expect(insert.map(\.field) == ["contact_phone", "mileage_in", "name"])
        #expect(insert.map(\.new) == ["138****5678", "23000", "王芳"])
        #expect(insert.allSatisfy { $0.old == nil })
        #expect(AuditDetail.changes(fromJSON: "{}").isEmpty)
        #expect(AuditDetail.changes(fromJSON: "not json 13812345678") == [AuditChange(field: "detail", old: nil, new: "not json 138****5678")])
        let stage = [AuditChange(field: "stage", old: "inProgress", new: "qualityCheck"), AuditChange(field: "version", old: "3", new: "4")]
        #expect(AuditDetail.summary(stage, language: .en) == "stage \(ROStage.inProgress.label.en) → \(ROStage.qualityCheck.label.en)")
        #expect(AuditDetail.summary(stage, language: .zhHans).contains(ROStage.qualityCheck.label.zh))
        // Longer digit runs (a VIN's digits, an amount) are left alone.
        #expect(AuditDetail.maskPhones(in: "123456789012") == "123456789012")
    }

    @Test func idsAreShownAsTheNamesTheShopUses() {
        let json = #"{"owner_id":{"new":15,"old":5},"version":{"new":2,"old":1}}"#
        let changes = AuditDetail.changes(fromJSON: json, names: ["owner_id=5": "张伟", "owner_id=15": "李娜"])
        #expect(AuditDetail.summary(changes, entity: "vehicle", language: .en) == "owner 张伟 → 李娜")
        #expect(AuditDetail.summary(changes, entity: "vehicle", language: .zhHans) == "车主 张伟 → 李娜")
        // A record that no longer exists keeps its id, marked as one.
        let gone = AuditDetail.changes(fromJSON: json, names: ["owner_id=15": "李娜"])
        #expect(AuditDetail.summary(gone, entity: "vehicle", language: .en) == "owner #5 → 李娜")
        let qc = AuditDetail.changes(fromJSON: #"{"passed":0,"inspector_id":3}"#, names: ["inspector_id=3": "梁振华"])
        #expect(AuditDetail.summary(qc, entity: "quality_check", language: .zhHans) == "质检员 梁振华; 质检通过 否")
    }
}
