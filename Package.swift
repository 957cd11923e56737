// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Transition",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "transition", targets: ["transition"]),
        .library(name: "EventLog", targets: ["EventLog"]),
    ],
    targets: [
        .target(name: "TransitionSupport", swiftSettings: strict),
        .target(name: "EventLog", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Schedule", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Workflow", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Domain", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .target(name: "Projections", dependencies: ["Domain", "Workflow", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .target(name: "Rules", dependencies: ["Projections", "Workflow", "TransitionSupport"], swiftSettings: strict),
        .target(name: "Reports", dependencies: ["Schedule", "Workflow", "Projections", "Rules", "TransitionSupport"], swiftSettings: strict),
        .target(name: "Signing", swiftSettings: strict),
        .target(name: "CommandLineParsing", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(
            name: "TransitionKit",
            dependencies: ["EventLog", "Workflow", "Domain", "Projections", "Rules", "Schedule", "Reports", "Signing", "TransitionSupport"],
            swiftSettings: strict),
        .target(
            name: "TransitionCommands",
            dependencies: ["TransitionKit", "EventLog", "Workflow", "Schedule", "Reports", "Rules", "CommandLineParsing", "TransitionSupport"],
            swiftSettings: strict),
        .executableTarget(name: "transition", dependencies: ["TransitionCommands"], swiftSettings: strict),
        .executableTarget(name: "transition-stress", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "TransitionSupportTests", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "TransitionSupport"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "Domain", "Workflow", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "ScheduleTests", dependencies: ["Schedule", "TransitionSupport"], swiftSettings: strict),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Reports", "TransitionKit", "Workflow", "Schedule", "Projections", "TransitionSupport", "EventLog"],
            swiftSettings: strict),
        .testTarget(name: "AuditPackTests", dependencies: ["TransitionKit", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "SigningTests", dependencies: ["Signing"], swiftSettings: strict),
        .testTarget(
            name: "TransitionKitTests", dependencies: ["TransitionKit", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests", dependencies: ["transition"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CommandLineParsingTests", dependencies: ["CommandLineParsing", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "TransitionSupport", "transition-stress"], swiftSettings: strict),
    ]
)
