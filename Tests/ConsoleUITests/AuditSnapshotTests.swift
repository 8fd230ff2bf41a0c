import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

/// A morning of one RO's life, newest first, as the effects hand it over (phones already masked).
private func trail() -> [AuditRow] {
    let ro = "RO-20261122-0003"
    func at(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }
    return [
        AuditRow(id: 12, at: at(5), person: "李娜", action: "stageChange", entity: "repair_order", entityID: 3, subject: ro,
                 changes: [AuditChange(field: "stage", old: "qualityCheck", new: "readyForPickup"),
                           AuditChange(field: "version", old: "3", new: "4")]),
        AuditRow(id: 11, at: at(40), person: "刘德明", action: "stageChange", entity: "repair_order", entityID: 3, subject: ro,
                 changes: [AuditChange(field: "note", old: nil, new: "更换前刹车片，试车无异响"),
                           AuditChange(field: "stage", old: "inProgress", new: "qualityCheck")]),
        AuditRow(id: 10, at: at(95), person: "周建华", action: "update", entity: "customer", entityID: 7, subject: "欧阳建华",
                 changes: [AuditChange(field: "phones", old: "138****5678", new: "138****5678;139****4321")]),
        AuditRow(id: 9, at: at(130), person: "李娜", action: "stageChange", entity: "repair_order", entityID: 3, subject: ro,
                 changes: [AuditChange(field: "stage", old: "checkedIn", new: "dispatched")]),
        AuditRow(id: 8, at: at(150), person: "张前台", action: "insert", entity: "repair_order", entityID: 3, subject: ro,
                 changes: [AuditChange(field: "contact_phone", old: nil, new: "138****5678"),
                           AuditChange(field: "mileage_in", old: nil, new: "23000"),
                           AuditChange(field: "number", old: nil, new: ro)]),
        AuditRow(id: 7, at: at(60 * 26), person: "王经理", action: "deliveryOverride", entity: "repair_order", entityID: 2,
                 subject: "RO-20261121-0002", changes: [AuditChange(field: "reason", old: nil, new: "客户急用车，次日补签")]),
    ]
}

private func overlay(language: Language = .zhHans) -> AppState {
    var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "王经理", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.ctrl("t")))
    _ = reduce(&s, .audit(.loaded(query: AuditQuery(), rows: trail(), replacing: true, hasMore: true)))
    return s
}

@Suite struct AuditSnapshotTests {
    @Test func keysOfTheAuditOverlay() {
        assertHelp(overlay(), panel: nil, mode: "dialog-trail")
        var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        _ = reduce(&s, .keyPressed(.ctrl("t")))
        _ = reduce(&s, .audit(.refused(PermissionError(permission: .viewAudit, roles: [.advisor]).message)))
        assertHelp(s, panel: nil, mode: "dialog-refused")
    }

    @Test func theLatestEntries() {
        let s = overlay()
        assertSnapshot(ConsoleView.render(s, size: small), named: "audit-list-80x24")
        assertSnapshot(ConsoleView.render(s, size: large), named: "audit-list-120x40")
    }

    @Test func oneEntryInDetailWhileFiltered() {
        var s = overlay()
        for c in "客户:欧阳" { _ = reduce(&s, .keyPressed(.character(c))) }
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .audit(.loaded(query: AuditQuery(customer: "欧阳"), rows: [trail()[2], trail()[1]], replacing: true,
                                      hasMore: false)))
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: large), named: "audit-detail-120x40")
        _ = reduce(&s, .keyPressed(.down))
        assertSnapshot(ConsoleView.render(s, size: small), named: "audit-detail-80x24")
    }

    @Test func theRefusalNamesTheRoleNeeded() {
        var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        _ = reduce(&s, .keyPressed(.ctrl("t")))
        _ = reduce(&s, .audit(.refused(PermissionError(permission: .viewAudit, roles: [.advisor]).message)))
        assertSnapshot(ConsoleView.render(s, size: small), named: "audit-refused-en-80x24")
    }

    @Test func nothingMatchesInEnglish() {
        var s = overlay(language: .en)
        for c in "ro:RO-20991231-0001" { _ = reduce(&s, .keyPressed(.character(c))) }
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .audit(.loaded(query: AuditQuery(roNumber: "RO-20991231-0001"), rows: [], replacing: true, hasMore: false)))
        assertSnapshot(ConsoleView.render(s, size: small), named: "audit-empty-en-80x24")
    }
}
