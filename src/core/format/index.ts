// Placeholder: being written (see the issue). Replaced by the real module.
export {};
