/// A sub-expression of a substituted form whose value is not computed from the stored
/// numbers the textbook form names, because they have lost its digits, but from z — and
/// the screen must say so.
///
/// At z_{2,1} = 20 the stored a_{2,1} = σ(20) = 0.99999999793884631 has rounded away most
/// digits of 1 − a_{2,1} = 2.0611536e−9, so a form a_{2,1}(1 − a_{2,1}) evaluated from the
/// stored a would not equal the σ′(z_{2,1}) the engine used. The substitution puts the
/// value σ(−z_{2,1}) in place of 1 − a_{2,1} and records this note: "1 − a_{2,1} is computed
/// as σ(−z_{2,1}) = 2.06e−9: from the stored a_{2,1} = 0.99999999794 it would keep only 7 of
/// its 16 digits".
public struct StableValue: Sendable, Hashable {
    /// Why the textbook form of ``expression`` would not do.
    public enum Reason: Sendable, Hashable {
        /// The stored quantity (a_{l,j}, or 1 − a_{l,j} computed from it), with its stored
        /// value, is within 2⁻¹⁰ of 1 (for tanh a² is), so the expression — a difference
        /// from 1, or a logarithm ln v ≈ v − 1 — keeps fewer than 43 of its 53 bits.
        case rounded(Expr, Double)
        /// The quantity (a_{l,j}, or 1 − a_{l,j} computed from z), with its value, is below
        /// the smallest normal double, 2⁻¹⁰²² ≈ 2.2e−308: it has underflowed, and its
        /// logarithm would be −∞ or lose its digits.
        case underflow(Expr, Double)
        /// The expression is a sum whose terms cancel to below 2⁻¹⁰ of their size (the
        /// softmax Jacobian's Σ_k ∂C/∂a_k a_k(1[j = k] − a_j) at saturation, or where two
        /// outputs share the rest equally): added term by term it keeps fewer than 43 bits.
        case cancellation
    }

    /// The sub-expression as the form writes it, indices bound: 1 − a_{2,1} (also for
    /// 1[j = k] − a_{2,j} with j = k = 1), 1 − a_{1,1}², a_{2,1} − 1, a_{2,1} − y_1,
    /// ln a_{2,1}, ln(1 − a_{2,1}), Σ_k ∂C/∂a_{2,k} a_{2,k}(1[1 = k] − a_{2,1}).
    public let expression: Expr
    /// The form the value is computed by, in the lecture's notation: σ(−z_{2,1}),
    /// tanh′(z_{1,1}), a_{2,2} + a_{2,3}, −σ(−z_{2,1}), (1 − y_1) − σ(−z_{2,1}),
    /// −ln(1 + e^{−z_{2,1}}), z_{2,1} − ln Σ_k e^{z_{2,k}},
    /// a_{2,1}(a_{2,2}(∂C/∂a_{2,1} − ∂C/∂a_{2,2}) + a_{2,3}(∂C/∂a_{2,1} − ∂C/∂a_{2,3})).
    public let form: Expr
    /// The value put in place of ``expression``.
    public let value: Double
    /// Why it is computed by ``form``.
    public let reason: Reason

    /// A note; see each property.
    public init(expression: Expr, form: Expr, value: Double, reason: Reason) {
        self.expression = expression
        self.form = form
        self.value = value
        self.reason = reason
    }
}
