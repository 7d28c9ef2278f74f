# NumPy arrays and a NumPy printout. Select an array literal, or the printed array in the comment below, and run
# "Activation Lens: Plot Selection".
import numpy as np

x = np.array([-3., -2., -1., 0., 1., 2., 3.])
sigmoid = 1 / (1 + np.exp(-x))
print(sigmoid)
# [0.04742587 0.11920292 0.26894142 0.5        0.73105858 0.88079708
#  0.95257413]

big = np.array([-10000., -100., -3., -2., -1., 0., 1., 2., 3.])
tanh = np.tanh(big)
print(tanh)
# [-1.         -1.         -0.99505475 -0.96402758 -0.76159416  0.
#   0.76159416  0.96402758  0.99505475]

relu = np.maximum(0, np.array([-2.5, -0.5, 0.0, 0.5, 2.5]))
print(relu)
# [0.  0.  0.  0.5 2.5]
