# The TensorFlow snippets of the seed article (HappinessSourceL, 2019-06-29), one statement per line.
# Select an array (or put the cursor in a call) and run "Activation Lens: Plot Selection", or hover a call.
# Each snippet's printed output follows it as a comment, as the article shows it.

import tensorflow as tf
tf.enable_eager_execution()
sigmoid_test=tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op')
print(sigmoid_test)
# 输出:
# tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)

import tensorflow as tf
tf.enable_eager_execution()
tanh_test=tf.nn.tanh([-3.,-2.,-1.,0.0,1.,2.,3.],name='tanh_op')
print(tanh_test)
# 输出:
# tf.Tensor( [-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547], shape=(7,), dtype=float32)

import tensorflow as tf
tf.enable_eager_execution()
relu_test=tf.nn.relu([-3.,-2.,-1.,0.0,1.,2.,3.],name='relu_op')
tf.nn.relu
print(relu_test)
# 输出:
# tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)

import tensorflow as tf
tf.enable_eager_execution()
# alpha: Slope of the activation function at x < 0
leaky_relu_test=tf.nn.leaky_relu([-3.,-2.,-1.,0.0,1.,2.,3.],alpha=0.2,name='leaky_relu_op')
print(leaky_relu_test)
# 输出:
# tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)

import tensorflow as tf
tf.enable_eager_execution()
elu_relu_test=tf.nn.elu([-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.],name='elu_relu_op')
print(elu_relu_test)
# 输出:
# tf.Tensor( [-1. -1. -0.95021296 -0.86466473 -0.63212055 0. 1. 2. 3. ], shape=(9,), dtype=float32)

import tensorflow as tf
tf.enable_eager_execution()
softmax_test=tf.nn.softmax([-3.,-2.,-1.,0.0,1.,2.,3.],name='softmax_op')
print(softmax_test)
softmax_test_sum=tf.reduce_sum(softmax_test)
print(softmax_test_sum)
# 输出:
# tf.Tensor( [0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)
# tf.Tensor(1.0, shape=(), dtype=float32)
