resource "aws_iam_role" "exec" {
  name = "app-exec"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn

  container_definitions = templatefile("${path.module}/containers.json.tpl", {
    image     = var.image
    log_group = aws_cloudwatch_log_group.app.name
  })
}
