import Projections

/// The projected state is what rules read.
extension TransitionState: RuleStateView {}
