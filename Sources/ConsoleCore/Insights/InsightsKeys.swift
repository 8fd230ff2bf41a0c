import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Comebacks panel (F8): move, confirm with a root cause and technician, dismiss with a reason.
enum ComebacksKeys {
    enum Action: Sendable, Equatable {
        case move(ListMove)
        case confirm, dismiss, search
    }

    static let listTable = KeyTable<Action>([
        KeyBinding([.enter, .character("c")], .confirm, InsightsStrings.keyConfirm),
        KeyBinding([.character("x")], .dismiss, InsightsStrings.keyDismiss),
        KeyBinding([.character("s")], .search, InsightsStrings.keySearch),
    ]) + ListKeys.moves.map(Action.move)

    /// The decision's steps: a root cause, then a technician (pickers), or a dismissal's reason (typed).
    static func decisionTable(_ d: ComebackDecision) -> KeyTable<DialogAction> {
        d.step == .dismissReason ? DialogKeys.prompt : ListKeys.upDownHomeEnd.map(DialogAction.move) + KeyTable([
            KeyBinding([.enter], .choose, Strings.keyOpen, section: .movement)])
    }

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.insights.decision != nil { return reduceDecisionKey(&state, key) }
        let count = state.insights.comebacks?.count ?? 0
        switch listTable.match(key) {
        case .move(let move):
            state.insights.comebackTable.apply(move, rowCount: count)
            return []
        case .search: return [.insights(.searchCandidates)]
        case .confirm, .dismiss:
            guard let row = state.insights.selectedComeback, let id = row.comeback.id else {
                state.status = StatusLine(InsightsStrings.noSelection, kind: .warning)
                return []
            }
            guard row.comeback.status == .candidate else {
                state.status = StatusLine(InsightsStrings.alreadyDecided, kind: .warning)
                return []
            }
            let others = state.insights.allTechnicians.filter { t in !row.technicians.contains { $0.id == t.id } }
            state.insights.decision = ComebackDecision(comebackID: id, version: row.comeback.version,
                                                       step: listTable.match(key) == .dismiss ? .dismissReason : .rootCause,
                                                       technicians: row.technicians + others)
            return []
        case nil: return []
        }
    }

    private static func apply(_ move: ListMove, to index: inout Int, count: Int) {
        switch move {
        case .up: index = max(0, index - 1)
        case .down: index = max(0, min(count - 1, index + 1))
        case .pageUp: index = max(0, index - 10)
        case .pageDown: index = max(0, min(count - 1, index + 10))
        case .home: index = 0
        case .end: index = max(0, count - 1)
        }
    }

    private static func reduceDecisionKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var d = state.insights.decision else { return [] }
        defer { if state.insights.decision != nil { state.insights.decision = d } }
        switch d.step {
        case .rootCause:
            let causes = RootCause.allCases
            let action = decisionTable(d).match(key)
            if case .move(let move) = action { apply(move, to: &d.selected, count: causes.count); return [] }
            if action == .choose {
                d.step = .technician(causes[d.selected])
                d.selected = 0
            }
            return []
        case .technician(let cause):
            let action = decisionTable(d).match(key)
            if case .move(let move) = action { apply(move, to: &d.selected, count: d.technicians.count); return [] }
            if action == .choose {
                guard d.technicians.indices.contains(d.selected) else {
                    state.status = StatusLine(ComebackDecisionError.technicianMissing.message, kind: .error)
                    return []
                }
                return [.insights(.confirm(id: d.comebackID, version: d.version, cause: cause,
                                           technicianID: d.technicians[d.selected].id))]
            }
            return []
        case .dismissReason:
            if DialogKeys.prompt.match(key) == .submit {
                guard !d.reason.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    state.status = StatusLine(ComebackDecisionError.reasonMissing.message, kind: .error)
                    return []
                }
                return [.insights(.dismiss(id: d.comebackID, version: d.version, reason: d.reason.text))]
            }
            editLine(&d.reason, key)
            return []
        }
    }

    /// The few editing keys the dismissal reason and the custom period take (no word moves, as before).
    static func editLine(_ input: inout TextInputState, _ key: Key) {
        switch key {
        case .backspace: input.backspace()
        case .left: input.moveLeft()
        case .right: input.moveRight()
        case .home: input.moveHome()
        case .end: input.moveEnd()
        case .character(let c): input.insert(String(c))
        default: break
        }
    }
}

/// Keys of the Reports panel (F9): the period, the table shown, the CSV export.
enum ReportsKeys {
    enum Action: Sendable, Equatable { case day, week, month, custom, shift(Int), nextTable, export }

    static let table = KeyTable<Action>([
        KeyBinding([.character("d")], .day, InsightsStrings.keyDay),
        KeyBinding([.character("w")], .week, InsightsStrings.keyWeek),
        KeyBinding([.character("m")], .month, InsightsStrings.keyMonth),
        KeyBinding([.character("c")], .custom, InsightsStrings.keyCustom),
        KeyBinding(pairs: [(.left, .shift(-1)), (.right, .shift(1))], InsightsStrings.keyShift,
                   also: [(.character("["), .shift(-1)), (.character("]"), .shift(1))]),
        KeyBinding([.character("t")], .nextTable, InsightsStrings.keyTable),
        KeyBinding([.character("e")], .export, InsightsStrings.keyExport),
    ])

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if var input = state.insights.customPeriod {
            if DialogKeys.prompt.match(key) == .submit {
                guard let period = ReportPeriod.parse(input.text, timeZone: state.timeZone) else {
                    state.status = StatusLine(InsightsStrings.badPeriod, kind: .error)
                    return []
                }
                state.insights.customPeriod = nil
                return show(&state, period)
            }
            switch key {
            case .backspace: input.backspace()
            case .left: input.moveLeft()
            case .right: input.moveRight()
            case .character(let c): input.insert(String(c))
            default: break
            }
            state.insights.customPeriod = input
            return []
        }
        let current = state.insights.period ?? ReportPeriod.containing(state.now, kind: .month, timeZone: state.timeZone)
        let zone = state.timeZone
        switch table.match(key) {
        case .day: return show(&state, .containing(current.start, kind: .day, timeZone: zone))
        case .week: return show(&state, .containing(current.start, kind: .week, timeZone: zone))
        case .month: return show(&state, .containing(current.start, kind: .month, timeZone: zone))
        case .custom:
            state.insights.customPeriod = TextInputState(text: current.label(timeZone: zone), maxLength: 40)
            return []
        case .shift(let step): return show(&state, current.shifted(by: step, timeZone: zone))
        case .nextTable:
            let kinds: [ReportTable.Kind] = [.technicians, .advisors, .categories, .months]
            let i = kinds.firstIndex(of: state.insights.table) ?? 0
            state.insights.table = kinds[(i + 1) % kinds.count]
            return []
        case .export: return [.insights(.exportReport(current, state.language))]
        case nil: return []
        }
    }

    private static func show(_ state: inout AppState, _ period: ReportPeriod) -> [Effect] {
        state.insights.period = period
        return [.insights(.loadReport(period))]
    }
}
