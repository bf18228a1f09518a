/// A faithful stand-in for a Kubernetes apiserver, for tests and the demo (issue 3).
public enum KubeAPIServerDouble {}
