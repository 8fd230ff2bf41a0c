import Foundation
import Testing
@testable import ServiceDomain

private let opened = Date(timeIntervalSince1970: 1_795_309_200)
private let advisorA: RowID = 1
private let advisorB: RowID = 2

private func complaint(channel: ComplaintChannel = .callback, owner: RowID? = advisorA) -> Complaint {
    ComplaintRules.open(customerID: 5, repairOrderID: 9, category: .repairQuality, channel: channel,
                        description: "刹车异响", ownerID: owner, now: opened)
}

@Suite struct ComplaintRulesTests {
    @Test func timersFollowTheShopSettings() {
        let s = ComplaintSettings()
        let online = complaint(channel: .online)
        #expect(online.firstContactAt == nil)
        #expect(!ComplaintRules.isOverdue(online, now: opened.addingTimeInterval(23 * 3600), settings: s))
        #expect(ComplaintRules.isFirstContactOverdue(online, now: opened.addingTimeInterval(25 * 3600), settings: s))
        let phone = complaint(channel: .phone)
        #expect(phone.firstContactAt == opened)
        #expect(!ComplaintRules.isOverdue(phone, now: opened.addingTimeInterval(6 * 86_400), settings: s))
        #expect(ComplaintRules.isResolutionOverdue(phone, now: opened.addingTimeInterval(7 * 86_400 + 1), settings: s))
        let short = ComplaintSettings(settings: [ComplaintSettings.firstContactKey: "4", ComplaintSettings.resolutionDaysKey: "3"])
        #expect(ComplaintRules.isFirstContactOverdue(online, now: opened.addingTimeInterval(5 * 3600), settings: short))
        #expect(ComplaintRules.isResolutionOverdue(phone, now: opened.addingTimeInterval(3 * 86_400 + 1), settings: short))
    }

    @Test func theSixStepsInOrderEndWithTheCustomersConfirmation() throws {
        var c = complaint()
        let later = opened.addingTimeInterval(3600)
        c = try ComplaintRules.advance(c, to: .registered, note: "", closing: nil, category: .parts, operatorID: advisorA,
                                       roles: [.advisor], now: later)
        #expect(c.step == .registered && c.category == .parts)
        #expect(throws: ComplaintError.notAllowed(.registered, .closed)) {
            try ComplaintRules.advance(c, to: .closed, note: "", closing: .customerConfirmed, operatorID: advisorA, roles: [.advisor], now: later)
        }
        #expect(throws: ComplaintError.stepNeedsNote) {
            try ComplaintRules.advance(c, to: .handling, note: " ", closing: nil, operatorID: advisorA, roles: [.advisor], now: later)
        }
        c = try ComplaintRules.advance(c, to: .handling, note: "重新检查刹车", closing: nil, operatorID: advisorA, roles: [.advisor], now: later)
        c = try ComplaintRules.advance(c, to: .replied, note: "电话告知", closing: nil, operatorID: advisorA, roles: [.advisor], now: later)
        #expect(throws: ComplaintError.closeNeedsConfirmation) {
            try ComplaintRules.advance(c, to: .closed, note: "", closing: nil, operatorID: advisorA, roles: [.advisor], now: later)
        }
        #expect(throws: ComplaintError.closeNeedsConfirmation) {
            try ComplaintRules.advance(c, to: .closed, note: "", closing: .reason("  "), operatorID: advisorA, roles: [.advisor], now: later)
        }
        let closed = try ComplaintRules.advance(c, to: .closed, note: "", closing: .customerConfirmed, operatorID: advisorA,
                                                roles: [.advisor], now: later)
        #expect(closed.step == .closed && closed.closedAt == later && closed.resolvedAt == later && !closed.isOpen)
        let byReason = try ComplaintRules.advance(c, to: .closed, note: "", closing: .reason("客户出国，联系不上"),
                                                  operatorID: advisorA, roles: [.advisor], now: later)
        #expect(byReason.closeReason == "客户出国，联系不上")
        #expect(throws: ComplaintError.closed) {
            try ComplaintRules.advance(closed, to: .handling, note: "x", closing: nil, operatorID: advisorA, roles: [.advisor], now: later)
        }
    }

    @Test func escalationGoesToTheServiceManager() throws {
        var c = complaint()
        c.step = .replied
        c = try ComplaintRules.advance(c, to: .escalated, note: "客户仍不满意", closing: nil, operatorID: advisorA, roles: [.advisor], now: opened)
        #expect(throws: ComplaintError.escalationNeedsManager) {
            try ComplaintRules.advance(c, to: .handling, note: "x", closing: nil, operatorID: advisorA, roles: [.advisor], now: opened)
        }
        let managed = try ComplaintRules.advance(c, to: .handling, note: "经理免费返修", closing: nil, operatorID: 3, roles: [.manager],
                                                 now: opened)
        #expect(managed.step == .handling)
    }

    @Test func theFirstTakerOwnsItUntilHandover() throws {
        var c = complaint(channel: .online, owner: nil)
        c = try ComplaintRules.take(c, operatorID: advisorA)
        #expect(c.ownerID == advisorA)
        #expect(throws: ComplaintError.alreadyOwned) { try ComplaintRules.take(c, operatorID: advisorB) }
        #expect(throws: ComplaintError.notOwner) {
            try ComplaintRules.advance(c, to: .registered, note: "", closing: nil, operatorID: advisorB, roles: [.advisor], now: opened)
        }
        #expect(throws: ComplaintError.handoverNeedsNote) {
            try ComplaintRules.handOver(c, to: advisorB, note: "", operatorID: advisorA, roles: [.advisor])
        }
        #expect(throws: ComplaintError.notOwner) {
            try ComplaintRules.handOver(c, to: advisorB, note: "休假", operatorID: advisorB, roles: [.advisor])
        }
        c = try ComplaintRules.handOver(c, to: advisorB, note: "我明天休假", operatorID: advisorA, roles: [.advisor])
        #expect(c.ownerID == advisorB)
        let acted = try ComplaintRules.advance(c, to: .registered, note: "", closing: nil, operatorID: advisorB, roles: [.advisor],
                                               now: opened.addingTimeInterval(7200))
        // The online complaint's first contact is the first step someone records.
        #expect(acted.firstContactAt == opened.addingTimeInterval(7200))
    }
}
