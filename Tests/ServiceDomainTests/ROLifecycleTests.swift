import Foundation
import Testing
@testable import ServiceDomain

/// The allowed moves written out by hand from the workshop rules, for a class whose QC is optional.
private let optionalQCFlow: [ROStage: Set<ROStage>] = [
    .checkedIn: [.dispatched, .onHold, .cancelled],
    .dispatched: [.inProgress, .onHold, .cancelled],
    .inProgress: [.waitingParts, .qualityCheck, .washing, .readyForPickup, .onHold, .cancelled],
    .waitingParts: [.inProgress, .onHold, .cancelled],
    .qualityCheck: [.inProgress, .washing, .readyForPickup, .onHold, .cancelled],
    .washing: [.readyForPickup, .onHold, .cancelled],
    .readyForPickup: [.delivered, .inProgress, .onHold, .cancelled],
    .delivered: [],
    .onHold: [.checkedIn, .dispatched, .inProgress, .waitingParts, .qualityCheck, .washing, .readyForPickup, .cancelled],
    .cancelled: [],
]

/// Moves a class with mandatory QC may not make without a passed QC.
private let needsPassedQC: Set<[ROStage]> = [
    [.qualityCheck, .washing], [.qualityCheck, .readyForPickup], [.washing, .readyForPickup],
    [.onHold, .washing], [.onHold, .readyForPickup],
]
/// Moves a class with mandatory QC may never make: they skip the QC stage.
private let skipsQC: Set<[ROStage]> = [[.inProgress, .washing], [.inProgress, .readyForPickup]]

private func outcome(_ from: ROStage, _ to: ROStage, _ repairClass: RepairClass, qcPassed: Bool,
                     reason: String = "客户要求", heldFrom: ROStage? = nil) -> TransitionError.Kind? {
    do {
        try ROLifecycle.check(from: from, to: to, repairClass: repairClass, qcPassed: qcPassed, reason: reason,
                              heldFrom: heldFrom)
        return nil
    } catch let error as TransitionError {
        #expect(error.from == from && error.to == to)
        #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
        return error.kind
    } catch {
        Issue.record("unexpected error \(error)")
        return .notAllowed
    }
}

/// What a refused pair should report when it is not a QC matter.
private func expectedRefusal(_ from: ROStage, _ to: ROStage) -> TransitionError.Kind {
    if from == to { return .sameStage }
    if from == .delivered || from == .cancelled { return .closed }
    return .notAllowed
}

@Suite struct ROLifecycleTests {
    @Test(arguments: [RepairClass.minorRepair, .level1Maintenance, .specialistRepair])
    func everyPairForClassesWithOptionalQC(_ repairClass: RepairClass) {
        #expect(!ROLifecycle.isQCMandatory(repairClass))
        for qcPassed in [false, true] {
            for from in ROStage.allCases {
                for to in ROStage.allCases {
                    let result = outcome(from, to, repairClass, qcPassed: qcPassed)
                    if optionalQCFlow[from]!.contains(to) {
                        #expect(result == nil, "\(from) → \(to) should be allowed")
                    } else {
                        #expect(result == expectedRefusal(from, to), "\(from) → \(to)")
                    }
                }
            }
        }
    }

    @Test(arguments: [RepairClass.level2Maintenance, .majorAssembly])
    func everyPairForClassesWithMandatoryQC(_ repairClass: RepairClass) {
        #expect(ROLifecycle.isQCMandatory(repairClass))
        for qcPassed in [false, true] {
            for from in ROStage.allCases {
                for to in ROStage.allCases {
                    let result = outcome(from, to, repairClass, qcPassed: qcPassed)
                    let pair = [from, to]
                    if skipsQC.contains(pair) || (!qcPassed && needsPassedQC.contains(pair)) {
                        #expect(result == .qcRequired, "\(from) → \(to), qcPassed \(qcPassed)")
                    } else if optionalQCFlow[from]!.contains(to) {
                        #expect(result == nil, "\(from) → \(to), qcPassed \(qcPassed) should be allowed")
                    } else {
                        #expect(result == expectedRefusal(from, to), "\(from) → \(to)")
                    }
                }
            }
        }
    }

    @Test func qcMessageNamesTheClass() {
        do {
            try ROLifecycle.check(from: .qualityCheck, to: .readyForPickup, repairClass: .level2Maintenance,
                                  qcPassed: false, reason: "")
            Issue.record("expected a refusal")
        } catch let error as TransitionError {
            #expect(error.message.en == "QC required before ready for pickup: level-2 maintenance")
            #expect(error.message.zh == "二级维护必须先通过质检才能待交车")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func skippingQCForMajorAssemblyNamesWashing() {
        do {
            try ROLifecycle.check(from: .inProgress, to: .washing, repairClass: .majorAssembly, qcPassed: true, reason: "")
            Issue.record("expected a refusal")
        } catch let error as TransitionError {
            #expect(error.kind == .qcRequired)
            #expect(error.message.en == "QC required before washing: major assembly repair")
            #expect(error.message.zh == "总成修理必须先通过质检才能洗车")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func holdAndCancelNeedARealReason() {
        for from in ROStage.allCases where from.isOpen {
            for to in [ROStage.onHold, .cancelled] where to != from {
                for blank in ["", "   ", "\n\t", "\u{1B}[0m"] {
                    #expect(outcome(from, to, .minorRepair, qcPassed: true, reason: blank) == .reasonRequired,
                            "\(from) → \(to) with \(blank.debugDescription)")
                }
                #expect(outcome(from, to, .minorRepair, qcPassed: true, reason: "等客户确认") == nil)
            }
        }
        // Ordinary moves need no reason.
        #expect(outcome(.checkedIn, .dispatched, .minorRepair, qcPassed: false, reason: "") == nil)
    }

    @Test func reasonMessagesSayWhichAction() {
        do {
            try ROLifecycle.check(from: .inProgress, to: .onHold, repairClass: .minorRepair, qcPassed: false, reason: " ")
        } catch let error as TransitionError {
            #expect(error.message.en == "A reason is required to put the order on hold")
            #expect(error.message.zh == "暂停工单必须填写原因")
        } catch { Issue.record("unexpected \(error)") }
        do {
            try ROLifecycle.check(from: .inProgress, to: .cancelled, repairClass: .minorRepair, qcPassed: false, reason: "")
        } catch let error as TransitionError {
            #expect(error.message.en == "A reason is required to cancel the order")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func holdResumesOnlyWhereItLeftWhenKnown() {
        for heldFrom in ROStage.allCases where heldFrom.isOpen && heldFrom != .onHold {
            for to in ROStage.allCases where to != .onHold {
                let result = outcome(.onHold, to, .minorRepair, qcPassed: true, heldFrom: heldFrom)
                if to == heldFrom || to == .cancelled {
                    #expect(result == nil, "on hold from \(heldFrom) → \(to)")
                } else {
                    #expect(result == .notHeldStage, "on hold from \(heldFrom) → \(to)")
                }
            }
        }
    }

    @Test func resumeMessageNamesTheStage() {
        do {
            try ROLifecycle.check(from: .onHold, to: .inProgress, repairClass: .minorRepair, qcPassed: false,
                                  reason: "", heldFrom: .waitingParts)
        } catch let error as TransitionError {
            #expect(error.message.en == "The order was put on hold from waiting for parts; it resumes there")
            #expect(error.message.zh.contains("待料"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func notAllowedMessageListsTheNextSteps() {
        do {
            try ROLifecycle.check(from: .inProgress, to: .delivered, repairClass: .level2Maintenance, qcPassed: true, reason: "")
        } catch let error as TransitionError {
            #expect(error.message.en == "In progress cannot go straight to delivered; next can be waiting for parts, quality check")
            #expect(error.message.zh == "“维修中”不能直接改为“已交车”，下一步可以是“待料”、“质检”")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func allowedTargetsMatchesCheck() {
        #expect(ROLifecycle.allowedTargets(from: .qualityCheck, repairClass: .minorRepair, qcPassed: false)
                == [.inProgress, .washing, .readyForPickup, .onHold, .cancelled])
        #expect(ROLifecycle.allowedTargets(from: .qualityCheck, repairClass: .majorAssembly, qcPassed: false)
                == [.inProgress, .onHold, .cancelled])
        #expect(ROLifecycle.allowedTargets(from: .onHold, repairClass: .minorRepair, qcPassed: false, heldFrom: .dispatched)
                == [.dispatched, .cancelled])
        #expect(ROLifecycle.allowedTargets(from: .delivered, repairClass: .minorRepair, qcPassed: true).isEmpty)
    }

    @Test func stageBeforeHoldReadsTheLatestHold() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        func change(_ from: ROStage?, _ to: ROStage, _ minutes: Double) -> StageChange {
            StageChange(repairOrderID: 1, from: from, to: to, at: t0.addingTimeInterval(minutes * 60), operatorID: nil)
        }
        let history = [
            change(.waitingParts, .onHold, 50),       // stored out of order on purpose
            change(nil, .checkedIn, 0),
            change(.checkedIn, .onHold, 5),
            change(.onHold, .checkedIn, 10),
            change(.checkedIn, .dispatched, 20),
            change(.dispatched, .inProgress, 30),
            change(.inProgress, .waitingParts, 40),
        ]
        #expect(ROLifecycle.stageBeforeHold(history) == .waitingParts)
        #expect(ROLifecycle.stageBeforeHold(Array(history.dropFirst())) == .checkedIn)
        #expect(ROLifecycle.stageBeforeHold([change(nil, .checkedIn, 0)]) == nil)
    }

    @Test func labelsExistInBothLanguages() {
        #expect(Set(ROStage.allCases.map(\.label.zh)).count == ROStage.allCases.count)
        #expect(Set(ROStage.allCases.map(\.label.en)).count == ROStage.allCases.count)
        #expect(Set(RepairClass.allCases.map(\.label.zh)).count == RepairClass.allCases.count)
        #expect(Set(RepairClass.allCases.map(\.label.en)).count == RepairClass.allCases.count)
    }
}

@Suite struct PromiseRiskTests {
    /// Opened 08:00, promised 16:00: eight hours, a quarter is two hours.
    let opened = Date(timeIntervalSince1970: 1_800_000_000)
    var promised: Date { opened.addingTimeInterval(8 * 3600) }

    func risk(_ stage: ROStage, _ now: Date) -> PromiseRisk {
        PromiseRisk.risk(openedAt: opened, promisedAt: promised, stage: stage, now: now)
    }

    @Test func missedFromThePromisedMomentOn() {
        #expect(risk(.inProgress, promised) == .missed)
        #expect(risk(.inProgress, promised.addingTimeInterval(1)) == .missed)
        #expect(risk(.onHold, promised.addingTimeInterval(3600)) == .missed)
        #expect(risk(.readyForPickup, promised) == .missed)
        #expect(risk(.inProgress, promised.addingTimeInterval(-1)) == .atRisk)
    }

    @Test func atRiskInsideTheLastHour() {
        #expect(risk(.inProgress, promised.addingTimeInterval(-3600)) == .onTrack)
        #expect(risk(.inProgress, promised.addingTimeInterval(-3599)) == .atRisk)
        #expect(risk(.washing, promised.addingTimeInterval(-60)) == .atRisk)
    }

    @Test func atRiskWhenStillCheckedInAfterAQuarter() {
        let quarter = opened.addingTimeInterval(2 * 3600)
        #expect(risk(.checkedIn, quarter) == .onTrack)
        #expect(risk(.checkedIn, quarter.addingTimeInterval(1)) == .atRisk)
        #expect(risk(.dispatched, quarter.addingTimeInterval(1)) == .onTrack)
        #expect(risk(.inProgress, quarter.addingTimeInterval(1)) == .onTrack)
        #expect(risk(.checkedIn, opened) == .onTrack)
    }

    @Test func shortPromisesAreAtRiskAtOnce() {
        let soon = opened.addingTimeInterval(45 * 60)
        #expect(PromiseRisk.risk(openedAt: opened, promisedAt: soon, stage: .dispatched, now: opened) == .atRisk)
    }

    @Test func promiseBeforeOpeningIsMissed() {
        let earlier = opened.addingTimeInterval(-60)
        #expect(PromiseRisk.risk(openedAt: opened, promisedAt: earlier, stage: .checkedIn, now: opened) == .missed)
    }

    @Test func closedOrdersCarryNoRisk() {
        #expect(risk(.delivered, promised.addingTimeInterval(3600)) == .onTrack)
        #expect(risk(.cancelled, promised.addingTimeInterval(-60)) == .onTrack)
    }

    @Test func worstSortsFirst() {
        #expect([PromiseRisk.onTrack, .missed, .atRisk].sorted() == [.missed, .atRisk, .onTrack])
        #expect(PromiseRisk.missed.label.zh == "已超时")
    }
}
