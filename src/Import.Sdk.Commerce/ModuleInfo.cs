// Stack buffers (stackalloc) of the parsers and checks are not zeroed on every call: each one is written before it is read,
// as the arrays rented from ArrayPool in the same code paths already are.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
