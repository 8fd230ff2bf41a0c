import ScreenKit

/// Sends panel-specific work to the feature that owns the panel. Features live in their own
/// folders (Reception/, Workshop/), so panels can grow without touching the shell's reducer.
enum PanelRouter {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.panel {
        case .find: return reduceFindKey(&state, key)
        case .reception, .appointments: return ReceptionFeature.reduceKey(&state, key)
        case .waitingBoard, .delivery: return WorkshopFeature.reduceKey(&state, key)
        case .followUp: return FollowUpFeature.reduceKey(&state, key)
        case .comebacks, .reports: return InsightsFeature.reduceKey(&state, key)
        }
    }

    static func entered(_ state: inout AppState) -> [Effect] {
        switch state.panel {
        case .reception, .appointments: return ReceptionFeature.entered(&state)
        case .waitingBoard, .delivery: return WorkshopFeature.entered(&state)
        case .followUp: return FollowUpFeature.entered(&state)
        case .comebacks, .reports: return InsightsFeature.entered(&state)
        default: return []
        }
    }

    static func refreshAll(_ state: inout AppState) -> [Effect] {
        ReceptionFeature.refresh(&state) + WorkshopFeature.refresh(&state) + FollowUpFeature.refresh(&state)
            + InsightsFeature.refresh(&state) + AuditFeature.refresh(&state)
    }

    static func handleBack(_ state: inout AppState) -> Bool {
        switch state.panel {
        case .reception, .appointments: return ReceptionFeature.handleBack(&state)
        case .waitingBoard, .delivery: return WorkshopFeature.handleBack(&state)
        case .followUp: return FollowUpFeature.handleBack(&state)
        case .comebacks, .reports: return InsightsFeature.handleBack(&state)
        default: return false
        }
    }

    static func isTyping(_ state: AppState) -> Bool {
        switch state.panel {
        case .find: return state.find.card == nil
        case .reception, .appointments: return ReceptionFeature.isTyping(state)
        case .waitingBoard, .delivery: return WorkshopFeature.isTyping(state)
        case .followUp: return FollowUpFeature.isTyping(state)
        case .comebacks, .reports: return InsightsFeature.isTyping(state)
        }
    }

    static func wantsTab(_ state: AppState) -> Bool {
        switch state.panel {
        case .reception, .appointments: return ReceptionFeature.wantsTab(state)
        case .waitingBoard, .delivery: return WorkshopFeature.wantsTab(state)
        case .followUp: return FollowUpFeature.wantsTab(state)
        case .comebacks, .reports: return InsightsFeature.wantsTab(state)
        default: return false
        }
    }

    static func hasUnsavedInput(_ state: AppState) -> Bool {
        ReceptionFeature.hasUnsavedInput(state) || WorkshopFeature.hasUnsavedInput(state)
            || FollowUpFeature.hasUnsavedInput(state) || InsightsFeature.hasUnsavedInput(state)
    }

    static func bindings(for state: AppState) -> [KeyBinding] {
        if state.overlay == .audit { return AuditFeature.bindings(for: state) }
        switch state.panel {
        case .find where state.find.card != nil:
            return [KeyBinding(keys: [.character("c")], command: .panel("complaint"), scope: .notTyping,
                               barLabel: Strings.keyNewComplaint, help: Strings.keyNewComplaint)]
        case .reception, .appointments: return ReceptionFeature.bindings(for: state)
        case .waitingBoard, .delivery: return WorkshopFeature.bindings(for: state)
        case .followUp: return FollowUpFeature.bindings(for: state)
        case .comebacks, .reports: return InsightsFeature.bindings(for: state)
        default: return []
        }
    }
}
